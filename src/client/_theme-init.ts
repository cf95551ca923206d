/**
 * Inlined in <head> before any CSS is applied: marks that JavaScript runs (`html.js`) and
 * applies the remembered theme, so the page never flashes in the wrong theme.
 */
import { applyTheme, storedTheme } from "./_theme.ts";

document.documentElement.classList.add("js");
applyTheme(storedTheme());
