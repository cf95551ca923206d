/** The site's base path (`/` or `/cursus/`), from `<meta name="base">` written by the layout. */
export function basePath(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="base"]')?.content || "/";
  return meta.endsWith("/") ? meta : `${meta}/`;
}
