// The indicators (målepunkter, p.15) on a chosen day as tiles, and one
// indicator's course quarter by quarter over the partnership's period as a
// chart against its baseline, with the same figures as a table.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Title, Tooltip,
} from "chart.js";
import { Line } from "react-chartjs-2";
import { errorText, request, type Indicator, type IndicatorSet, type Session } from "../api";
import { IndicatorTiles } from "../components/IndicatorTiles";
import { formatDate, today } from "../i18n";
import { quarterEnds } from "../days";
import { defaultAsOf, formatIndicator } from "../indicators";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Title, Tooltip, Legend);

export function IndicatorsPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(defaultAsOf(session, today()));
  return (
    <main id="main">
      <h1>{t("indicators.title")}</h1>
      <p>{t("indicators.intro")}</p>
      <label htmlFor="indicators-as-of">{t("indicators.asOf")}</label>{" "}
      <input id="indicators-as-of" type="date" value={asOf} max={today()}
        onChange={(event) => event.target.value && setAsOf(event.target.value)} />
      <IndicatorTiles asOf={asOf} />
      {session.partnership_period && <Course session={session} />}
    </main>
  );
}

interface Point {
  asOf: string;
  indicators: Indicator[];
}

function Course({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const [points, setPoints] = useState<Point[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState("registered_active_members");

  useEffect(() => {
    const period = session.partnership_period!;
    const last = period.to < today() ? period.to : today();
    let live = true;
    // One request per quarter's end; a few at a time so the server is not flooded.
    (async () => {
      const days = quarterEnds(period.from, last);
      const found: Point[] = [];
      for (let start = 0; start < days.length; start += 4) {
        const batch = await Promise.all(days.slice(start, start + 4).map((day) =>
          request<IndicatorSet>("GET", `/api/v1/indicators?as_of=${day}`).then((set) => ({ asOf: day, indicators: set.indicators }))));
        found.push(...batch);
      }
      if (live) setPoints(found);
    })().catch((failure) => live && setError(failure));
    return () => {
      live = false;
    };
  }, [session.partnership_period]);

  if (error) return <p role="alert">{errorText(t, error)}</p>;
  if (!points) return <p role="status">{t("indicators.loadingCourse")}</p>;
  const choices = points[0]?.indicators ?? [];
  const name = (indicator: Indicator) => (i18n.language === "en" ? indicator.name_en : indicator.name);
  const series = points.map((point) => point.indicators.find((indicator) => indicator.id === chosen));
  const current = series.find((indicator) => indicator !== undefined);
  const labels = points.map((point) => formatDate(point.asOf));
  const baseline = current?.baseline?.value;
  return (
    <section className="panel" aria-labelledby="course-title">
      <h2 id="course-title">{t("indicators.course")}</h2>
      <label htmlFor="course-indicator">{t("indicators.choose")}</label>{" "}
      <select id="course-indicator" value={chosen} onChange={(event) => setChosen(event.target.value)}>
        {choices.map((indicator) => <option key={indicator.id} value={indicator.id}>{name(indicator)}</option>)}
      </select>
      <div className="chart">
        <Line
          role="img"
          aria-label={t("indicators.chartLabel", { name: current ? name(current) : chosen })}
          data={{
            labels,
            datasets: [
              { label: current ? name(current) : chosen, data: series.map((indicator) => indicator?.value ?? null),
                borderColor: "#0b4f8a", backgroundColor: "#0b4f8a" },
              ...(baseline === undefined ? [] : [{
                label: t("indicators.baselineLine"), data: points.map(() => baseline),
                borderColor: "#7a2e00", backgroundColor: "#7a2e00", borderDash: [6, 4], pointRadius: 0,
              }]),
            ],
          }}
          options={{ responsive: true, maintainAspectRatio: false, animation: false }}
        />
      </div>
      <details>
        <summary>{t("indicators.asTable")}</summary>
        <table data-testid="course-table">
          <thead>
            <tr>
              <th scope="col">{t("indicators.asOf")}</th>
              <th scope="col">{t("indicators.value")}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point, index) => (
              <tr key={point.asOf}>
                <td>{labels[index]}</td>
                <td>{series[index]?.value == null ? "—" : formatIndicator(series[index]!.value!, series[index]!.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
