// The partnership's areas for the map [p.7: the geographic focus]: each area
// as a GeoJSON feature with its outline and whether it is in focus on the
// day; for users whose roles grant read:aggregate also how many observations
// and incidents each area had — for a whole calendar quarter only. The counts
// are aggregates: a count from 1 to 4 is given as "under 5" (as in the status
// report), and fixed, non-overlapping quarters keep two overlapping periods
// from being subtracted to single out a day's sightings. Not audited, like
// the focus route: no person is named.
#include <map>

#include "http/handler_support.h"
#include "http/handlers.h"

namespace trygnet::http {
namespace {

constexpr int32_t kDefaultDays = 90;
constexpr int32_t kMaxDays = 366;
constexpr int64_t kSmallCount = 5;

// Whether [from, to] is exactly one calendar quarter.
bool IsWholeQuarter(Date from, Date to) {
  if (from.day() != 1 || (from.month() - 1) % 3 != 0) return false;
  return from.AddMonths(3).AddDays(-1) == to;
}

bool InFocus(const std::vector<FocusPeriod>& periods, Date on) {
  for (const FocusPeriod& period : periods) {
    if (period.from <= on && (!period.to || on < *period.to)) return true;
  }
  return false;
}

// {"count": n} or {"count": null, "under_5": true} for 1–4.
nlohmann::json CountJson(int64_t count) {
  if (count > 0 && count < kSmallCount) return {{"count", nullptr}, {"under_5", true}};
  return {{"count", count}, {"under_5", false}};
}

nlohmann::json OutlineJson(const Area& area) {
  nlohmann::json ring = nlohmann::json::array();
  for (const GeoPoint& point : area.outline) ring.push_back({point.lon, point.lat});
  ring.push_back({area.outline.front().lon, area.outline.front().lat});  // GeoJSON closes the ring
  return {{"type", "Polygon"}, {"coordinates", nlohmann::json::array({ring})}};
}

// GET /areas?as_of&from
Result<Reply> ListAreasImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  TRY_ASSIGN(std::optional<Date> as_of_given, query.OptionalDate("as_of"));
  TRY_ASSIGN(std::optional<Date> from_given, query.OptionalDate("from"));
  TRY_STATUS(query.Finish());
  const Date as_of = as_of_given.value_or(ctx.Today());
  const Date from = from_given.value_or(as_of.AddDays(-(kDefaultDays - 1)));
  if (as_of < from) return InvalidArgument("from", "must not be after as_of");
  if (from.AddDays(kMaxDays) <= as_of) return InvalidArgument("from", "the period may span at most 366 days");
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kMeeting, "areas", "list");
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  // Only a question, not a request for data: nothing is written if the role lacks it.
  const bool may_count =
      GuardGeneral(ctx, AccessAction::kRead, DataCategory::kAggregate, "areas", "count").decision.allowed;
  const bool with_counts = may_count && IsWholeQuarter(from, as_of);

  std::map<std::string, int64_t> observations, incidents;
  if (with_counts) {
    const Timestamp begin = Timestamp::StartOf(from), end = Timestamp::StartOf(as_of.AddDays(1)).AddSeconds(-1);
    TRY_STATUS(ctx.store.ScanObservations(begin, end, ctx.Now(), [&](const Observation& observation) {
      if (!observation.area_id.empty()) ++observations[observation.area_id];
      return OkStatus();
    }));
    TRY_ASSIGN(std::vector<Incident> held, ctx.store.ListIncidents(partnership->id, begin, end));
    for (const Incident& incident : held) {
      if (!incident.area_id.empty()) ++incidents[incident.area_id];
    }
  }

  nlohmann::json features = nlohmann::json::array();
  for (const Area& area : partnership->areas) {
    TRY_ASSIGN(std::vector<FocusPeriod> periods, ctx.store.FocusHistory(partnership->id, area.id));
    nlohmann::json properties = {{"id", area.id},
                                 {"name", area.name},
                                 {"kind", AreaKindName(area.kind)},
                                 {"parent_id", area.parent_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(area.parent_id)},
                                 {"in_focus", InFocus(periods, as_of)}};
    if (with_counts) {
      properties["observations"] = CountJson(observations[area.id]);
      properties["incidents"] = CountJson(incidents[area.id]);
    }
    features.push_back({{"type", "Feature"},
                        {"id", area.id},
                        {"geometry", area.outline.size() >= 3 ? OutlineJson(area) : nlohmann::json(nullptr)},
                        {"properties", std::move(properties)}});
  }
  return Reply(JsonResponse({{"type", "FeatureCollection"},
                             {"as_of", as_of.ToString()},
                             {"from", from.ToString()},
                             {"with_counts", with_counts},
                             {"counts_note", may_count && !with_counts
                                                 ? nlohmann::json("counts are given for a whole calendar quarter: from its "
                                                                  "first day to its last")
                                                 : nlohmann::json(nullptr)},
                             {"features", std::move(features)}}));
}

}  // namespace

Reply ListAreas(RequestContext& ctx) { return Answer(ListAreasImpl(ctx)); }

}  // namespace trygnet::http
