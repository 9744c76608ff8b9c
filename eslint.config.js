import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["build/**", "node_modules/**", "app/types/**", ".data/**", ".cache/**", "public/build/**", "extensions/**/assets/*.min.js"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-console": ["error", { allow: ["warn", "error"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Domain logic stays pure: no Remix, Prisma, Shopify client or I/O.
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@remix-run/*", "@prisma/*", "@shopify/*", "bullmq", "ioredis", "node:*", "~/models/*", "~/shopify/*", "*.server"], message: "app/domain is pure TypeScript: no I/O or framework imports." },
          ],
        },
      ],
    },
  },
  {
    // Scripts and the simulator talk to people on the terminal.
    files: ["scripts/**/*.ts", "simulator/**/*.ts", "tests/**/*.ts"],
    rules: { "no-console": "off" },
  },
);
