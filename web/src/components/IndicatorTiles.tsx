// The partnership's indicators on one day as tiles: the value, the baseline
// from the plan (p.15) and the change since, with the computation's own
// explanation. Used on the overview and the indicators page.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, request, type IndicatorSet } from "../api";
import { formatDate } from "../i18n";
import { changeFromBaseline, formatIndicator } from "../indicators";

export function IndicatorTiles({ asOf }: { asOf: string }) {
  const { t, i18n } = useTranslation();
  const [set, setSet] = useState<IndicatorSet | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setSet(null);
    setError(null);
    request<IndicatorSet>("GET", `/api/v1/indicators?as_of=${asOf}`)
      .then((value) => live && setSet(value))
      .catch((failure) => live && setError(failure));
    return () => {
      live = false;
    };
  }, [asOf]);
  if (error) return <p role="alert">{errorText(t, error)}</p>;
  if (!set) return <p role="status">{t("common.loading")}</p>;
  return (
    <ul className="tiles" data-testid="indicator-tiles">
      {set.indicators.map((indicator) => {
        const change = changeFromBaseline(indicator);
        return (
          <li key={indicator.id} className="tile">
            <h3>{i18n.language === "en" ? indicator.name_en : indicator.name}</h3>
            <p className="tile__value">
              {indicator.value === null ? t("indicators.noValue") : formatIndicator(indicator.value, indicator.unit)}
            </p>
            {indicator.baseline && (
              <p className="tile__baseline">
                {t("indicators.baseline", {
                  value: formatIndicator(indicator.baseline.value, indicator.unit),
                  date: formatDate(indicator.baseline.date),
                })}
                {change !== null && (
                  <span className="tile__change">
                    {" "}{t(change <= 0 ? "indicators.down" : "indicators.up", { percent: Math.abs(Math.round(change)) })}
                  </span>
                )}
              </p>
            )}
            <details>
              <summary>{t("indicators.how")}</summary>
              <p>{indicator.explanation}</p>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
