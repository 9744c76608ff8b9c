// Return label PDF (resource route): /portal/:shop/o/:token/returns/:rma/label?exp=…&sig=…, and
// /proxy/portal/o/:token/returns/:rma/label through the app proxy (app/route-mounts.ts).
import { returnLabelLoader } from "~/portal/returns/return-label-route.server";

export const loader = returnLabelLoader;
