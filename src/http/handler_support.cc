#include "http/handler_support.h"

namespace trygnet::http {

Result<const Partnership*> OwnPartnership(RequestContext& ctx) {
  if (!ctx.principal->partnership) return InvalidArgument("partnership", "your unit belongs to no partnership");
  return ctx.principal->partnership;
}

Result<const Partnership*> RequestedPartnership(RequestContext& ctx, const std::string& requested) {
  if (requested.empty()) {
    if (!ctx.principal->partnership) {
      return InvalidArgument("partnership", "your unit belongs to no partnership; name one with ?partnership=");
    }
    return ctx.principal->partnership;
  }
  const Partnership* partnership = ctx.state.FindPartnership(requested);
  if (!partnership) return NotFound("no partnership \"" + requested + "\"", "partnership");
  return partnership;
}

Status WriteAudited(RequestContext& ctx, const std::function<Status()>& work,
                    const std::function<audit::AuditRecord()>& record_for) {
  return ctx.store.InTransaction([&]() -> Status {
    TRY_STATUS(work());
    return ctx.store.AppendAudit(record_for());
  });
}

bool IsExternalUser(const RequestContext& ctx, const Partnership& partnership) {
  return partnership.FindUnit(ctx.principal->user.unit_id) &&
         partnership.KindOfUnit(ctx.principal->user.unit_id) == UnitKind::kExternal;
}

}  // namespace trygnet::http
