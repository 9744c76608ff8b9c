// Return label PDF (resource route): /proxy/portal/o/:token/returns/:rma/label?exp=…&sig=… (through the app proxy).
import { returnLabelLoader } from "~/portal/returns/return-label-route.server";

export const loader = returnLabelLoader;
