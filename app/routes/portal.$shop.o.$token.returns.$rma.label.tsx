// Return label PDF (resource route): /portal/:shop/o/:token/returns/:rma/label?exp=…&sig=….
import type { LoaderFunctionArgs } from "@remix-run/node";
import { returnLabelLoader } from "~/portal/returns/return-label-route.server";

export async function loader(args: LoaderFunctionArgs) {
  return returnLabelLoader(args);
}
