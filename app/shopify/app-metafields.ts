import { adminRequest, AdminUserError, type AdminGraphql } from "./admin-graphql";

// App-data metafields: owned by the app's installation on the shop; a theme app extension reads
// them in Liquid as `app.metafields.<namespace>.<key>`.

export const APP_INSTALLATION_QUERY = `#graphql
  query CrossdockAppInstallation {
    currentAppInstallation {
      id
    }
  }
`;

export const APP_METAFIELD_QUERY = `#graphql
  query CrossdockAppMetafield($namespace: String!, $key: String!) {
    currentAppInstallation {
      metafield(namespace: $namespace, key: $key) {
        value
      }
    }
  }
`;

export const SET_APP_METAFIELDS_MUTATION = `#graphql
  mutation CrossdockSetAppMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        namespace
        key
        value
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export interface AppMetafield {
  namespace: string;
  key: string;
  type: "single_line_text_field";
  value: string;
}

export async function setAppMetafields(graphql: AdminGraphql, metafields: readonly AppMetafield[]): Promise<void> {
  const installation = await adminRequest(graphql, APP_INSTALLATION_QUERY);
  const ownerId = installation.currentAppInstallation.id;
  const data = await adminRequest(graphql, SET_APP_METAFIELDS_MUTATION, { metafields: metafields.map((m) => ({ ...m, ownerId })) });
  const userErrors = data.metafieldsSet?.userErrors ?? [];
  if (userErrors.length > 0) throw new AdminUserError("metafieldsSet", userErrors);
}

export async function getAppMetafield(graphql: AdminGraphql, namespace: string, key: string): Promise<string | null> {
  const data = await adminRequest(graphql, APP_METAFIELD_QUERY, { namespace, key });
  return data.currentAppInstallation.metafield?.value ?? null;
}
