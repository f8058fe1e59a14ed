// The status report (p.16) for a period, as PDF, HTML or Excel, in Danish or
// English, as the figures were known at a chosen day. The server makes the
// file and audits it; the page shows progress and names a bad field.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { errorText, failureOf } from "../api";
import { today } from "../i18n";

const formats = ["pdf", "html", "xlsx"] as const;

export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [knownAt, setKnownAt] = useState("");
  const [format, setFormat] = useState<(typeof formats)[number]>("pdf");
  const [language, setLanguage] = useState(i18n.language === "en" ? "en" : "da");
  const [error, setError] = useState("");
  const [done, setDone] = useState("");
  const [working, setWorking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError("");
    setDone("");
    if (!from) return setError(t("validation.required", { field: t("reports.from") }));
    if (!to) return setError(t("validation.required", { field: t("reports.to") }));
    if (to < from) return setError(t("reports.toBeforeFrom"));
    const query = new URLSearchParams({ period: `${from}..${to}`, format, lang: language });
    if (knownAt) query.set("known_at", knownAt);
    setWorking(true);
    try {
      const file = await download(`/api/v1/reports/status?${query}`);
      setDone(t("reports.done", { name: file }));
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setWorking(false);
    }
  }

  return (
    <main id="main">
      <h1>{t("reports.title")}</h1>
      <p>{t("reports.intro")}</p>
      <form className="panel form" onSubmit={submit} noValidate>
        <label htmlFor="report-from">{t("reports.from")}</label>
        <input id="report-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} required />
        <label htmlFor="report-to">{t("reports.to")}</label>
        <input id="report-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} required />
        <label htmlFor="report-known-at">{t("reports.knownAt")}</label>
        <input id="report-known-at" type="date" value={knownAt} max={today()} aria-describedby="known-at-hint"
          onChange={(event) => setKnownAt(event.target.value)} />
        <p id="known-at-hint" className="hint">{t("reports.knownAtHint")}</p>
        <label htmlFor="report-format">{t("reports.format")}</label>
        <select id="report-format" value={format} onChange={(event) => setFormat(event.target.value as typeof format)}>
          {formats.map((choice) => <option key={choice} value={choice}>{t(`reports.formats.${choice}`)}</option>)}
        </select>
        <label htmlFor="report-language">{t("reports.language")}</label>
        <select id="report-language" value={language} onChange={(event) => setLanguage(event.target.value)}>
          <option value="da" lang="da">Dansk</option>
          <option value="en" lang="en">English</option>
        </select>
        {error && <p className="error" role="alert">{error}</p>}
        {working && <p role="status">{t("reports.working")}</p>}
        {done && <p role="status">{done}</p>}
        <button type="submit" disabled={working}>{t("reports.submit")}</button>
      </form>
    </main>
  );
}

// Fetches the file (so that an error is shown, not saved) and hands it to the
// browser as a download under the server's file name.
async function download(path: string): Promise<string> {
  const response = await fetch(path, { credentials: "same-origin" });
  if (!response.ok) throw await failureOf(response);
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = disposition.match(/filename="([^"]+)"/)?.[1] ?? "statusrapport";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}
