// The shell of every portal page: brand (name, logo, colour), a language switcher made of plain
// links, a skip link and landmarks. Rendered on the server only (routes set handle.hydrate=false).
import type { CSSProperties, ReactNode } from "react";
import { portalT } from "./i18n";
import type { PortalLayoutData } from "./layout-data";
import { CSRF_FIELD_NAME } from "./csrf-field";

/** Black or white, whichever reads better on the brand colour (WCAG relative luminance). */
export function textColorOn(hex: string): "#000000" | "#ffffff" {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return "#ffffff";
  const [r, g, b] = match.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  // Contrast with white (1.05 / (L + 0.05)) against contrast with black ((L + 0.05) / 0.05).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#ffffff" : "#000000";
}

export function PortalLayout({ layout, children }: { layout: PortalLayoutData; children: ReactNode }) {
  const t = portalT(layout.locale);
  const style = {
    "--portal-brand": layout.brandColor,
    "--portal-on-brand": textColorOn(layout.brandColor),
  } as CSSProperties;
  return (
    <div className="portal" style={style} lang={layout.htmlLang}>
      {layout.stylesheetHref ? <link rel="stylesheet" href={layout.stylesheetHref} /> : null}
      <a className="portal-skip" href="#main">
        {t("layout.skipToContent")}
      </a>
      <header className="portal-header">
        <a className="portal-brand" href={layout.homeHref}>
          {layout.logoUrl ? <img src={layout.logoUrl} alt="" className="portal-logo" height={32} /> : null}
          <span>{layout.brandName}</span>
        </a>
        <nav className="portal-languages" aria-label={t("layout.language")}>
          <ul>
            {layout.languages.map((language) => (
              <li key={language.code}>
                <a
                  href={language.href}
                  lang={language.code}
                  hrefLang={language.code}
                  aria-current={language.current ? "true" : undefined}
                >
                  {language.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="portal-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="portal-footer">
        <p>{t("layout.footer", { brand: layout.brandName })}</p>
      </footer>
    </div>
  );
}

/** The hidden CSRF field every portal form carries (value: the loader's `csrfToken`). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD_NAME} value={token} />;
}
