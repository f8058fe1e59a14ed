import { useTranslation } from "react-i18next";

// Always visible on a demo database, so nobody mistakes it for real data.
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      <strong>{t("demo.banner")}</strong> <span>{t("demo.detail")}</span>
    </div>
  );
}
