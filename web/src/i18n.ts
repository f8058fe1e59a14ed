// Danish first, English complete. The language chosen is kept in the
// browser (localStorage) and set on <html lang> for screen readers.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { da } from "./locales/da";
import { en } from "./locales/en";

export const languages = ["da", "en"] as const;
export type Language = (typeof languages)[number];
const storageKey = "trygnet.language";

function storedLanguage(): Language {
  const stored = window.localStorage.getItem(storageKey);
  return stored === "en" ? "en" : "da";
}

void i18n.use(initReactI18next).init({
  resources: { da: { translation: da }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "da",
  interpolation: { escapeValue: false }, // React escapes
});
document.documentElement.lang = i18n.language;

export function setLanguage(language: Language): void {
  window.localStorage.setItem(storageKey, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

// Danish formats for dates and numbers in Danish; English ones in English.
export function locale(): string {
  return i18n.language === "en" ? "en-GB" : "da-DK";
}

export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

export function formatDateTime(isoInstant: string): string {
  return new Intl.DateTimeFormat(locale(), {
    day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Copenhagen",
  }).format(new Date(isoInstant));
}

// Today as YYYY-MM-DD in UTC, as the server counts days ("not in the future"),
// so that a default date is never refused between midnight and 01/02 in Denmark.
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

// A decimal number with `digits` decimals in the language's format ("0,66").
export function formatDecimal(value: number, digits: number): string {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

export default i18n;
