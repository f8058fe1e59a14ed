import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useNavigate } from "react-router-dom";
import { can, errorText, type Session } from "../api";
import { labelText } from "../labels";
import { useSession } from "../session";
import { LanguageSwitch } from "./LanguageSwitch";

export function Header({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const { signOut } = useSession();
  // The next user to sign in starts at the overview, not on this user's last page.
  const navigate = useNavigate();
  const [error, setError] = useState("");
  return (
    <header className="app-header">
      <div className="app-header__brand">{t("app.name")}</div>
      <nav aria-label={t("nav.label")}>
        <NavLink to="/" end>{t("nav.dashboard")}</NavLink>
        {can(session, "read:registration") && <NavLink to="/registrations">{t("nav.review")}</NavLink>}
        {can(session, "read:incident") && <NavLink to="/incidents">{t("nav.incidents")}</NavLink>}
        {can(session, "read:meeting") && <NavLink to="/meetings">{t("nav.meetings")}</NavLink>}
        {can(session, "read:meeting") && <NavLink to="/map">{t("nav.map")}</NavLink>}
        {/* The overview needs read:observation in a police unit; write:observation marks the police roles. */}
        {can(session, "write:observation") && <NavLink to="/network">{t("nav.network")}</NavLink>}
        {can(session, "read:aggregate") && <NavLink to="/indicators">{t("nav.indicators")}</NavLink>}
        {can(session, "read:aggregate") && <NavLink to="/reports">{t("nav.reports")}</NavLink>}
        {can(session, "read:audit") && <NavLink to="/audit">{t("nav.audit")}</NavLink>}
        {can(session, "read:user_admin") && <NavLink to="/users">{t("nav.users")}</NavLink>}
      </nav>
      <div className="app-header__user">
        <span>{t("header.signedInAs", { name: session.user.display_name })}</span>
        <span>{t("header.unit", { unit: labelText(session.unit, session.user.unit_id, i18n.language) })}</span>
        <LanguageSwitch />
        <button type="button" onClick={() => signOut().then(() => navigate("/")).catch((failure) => setError(errorText(t, failure)))}>
          {t("header.signOut")}
        </button>
        {error && <span role="alert">{error}</span>}
      </div>
    </header>
  );
}
