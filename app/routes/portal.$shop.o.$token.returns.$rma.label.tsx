// Return label PDF (resource route): /portal/:shop/o/:token/returns/:rma/label?exp=…&sig=….
import { returnLabelLoader } from "~/portal/returns/return-label-route.server";

export const loader = returnLabelLoader;
