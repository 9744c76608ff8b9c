// Return label PDF (resource route): /proxy/portal/o/:token/returns/:rma/label?exp=…&sig=… (through the app proxy).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { returnLabelLoader } from "~/portal/returns/return-label-route.server";

export async function loader(args: LoaderFunctionArgs) {
  return returnLabelLoader(args);
}
