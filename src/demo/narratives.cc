// Demo narratives for the status report 2017/18 [p.16]: the police
// assessment (revised once, internal only) and the SSP's account (also for
// the external edition). Fictional text about fictional groups.
#include "demo/demo_context.h"

namespace trygnet::demo {
namespace {

struct DemoNarrative {
  Date written_on;
  const char* topic;
  int version;
  const char* title;
  const char* text;
  bool external;
  const char* unit;
  const char* author;
};

}  // namespace

Status GenerateNarratives(DemoContext& ctx) {
  const Partnership& partnership = ctx.partnership;
  const Date from = *Date::FromYmd(2017, 8, 1), to = *Date::FromYmd(2018, 6, 30);
  if (from < partnership.period_from || to > partnership.period_to) return OkStatus();
  const std::vector<DemoNarrative> narratives = {
      {*Date::FromYmd(2018, 7, 20), "police-assessment", 1, "Politiets vurdering af bandemiljøet",
       "Miljøet på Nørrebro er præget af få, men aktive grupperinger. Konflikten mellem to af dem blev trappet ned "
       "i efteråret 2017.\n\nRekrutteringen af unge under 18 år sker fortsat især omkring Indre Nørrebro.",
       false, "eas", "eas-analyst"},
      {*Date::FromYmd(2018, 8, 10), "police-assessment", 2, "Politiets vurdering af bandemiljøet",
       "Miljøet på Nørrebro er præget af få, men aktive grupperinger. Konflikten mellem to af dem blev trappet ned "
       "i efteråret 2017, og der har ikke været skudepisoder i første halvår 2018.\n\nRekrutteringen af unge under "
       "18 år sker fortsat især omkring Indre Nørrebro; politiet prioriterer tidlig kontakt og bekymringssamtaler "
       "sammen med SSP.",
       false, "eas", "eas-analyst"},
      {*Date::FromYmd(2018, 7, 25), "ssp-status", 1, "SSP: de unge og bekymringssamtalerne",
       "SSP har gennemført bekymringssamtaler med de unge, politiet har identificeret, og med deres forældre. De "
       "fleste samtaler blev holdt inden for fristen.\n\nSamarbejdet med de boligsociale helhedsplaner om "
       "fritidsjob og værestedernes åbningstider er styrket.",
       true, "ssp", "ssp-coordinator"},
  };
  for (const DemoNarrative& item : narratives) {
    if (!partnership.FindUnit(item.unit)) continue;
    ctx.At(item.written_on);
    ReportNarrative narrative;
    narrative.partnership_id = partnership.id;
    narrative.period = {from, to};
    narrative.topic = item.topic;
    narrative.version = item.version;
    narrative.title = item.title;
    narrative.text = item.text;
    narrative.external = item.external;
    narrative.unit_id = item.unit;
    narrative.recorded_by = item.author;
    TRY_ASSIGN(ReportNarrative stored, ctx.store.AddReportNarrative(narrative));
    (void)stored;
  }
  return OkStatus();
}

}  // namespace trygnet::demo
