// Small helpers shared by the handlers.
#pragma once

#include <string_view>

#include "http/access_guard.h"
#include "http/api_error.h"
#include "http/json_encode.h"
#include "http/json_fields.h"
#include "http/query_params.h"
#include "http/request_context.h"

namespace trygnet::http {

// Lets a handler be written with TRY_ macros: an error becomes its JSON reply.
inline Reply Answer(Result<Reply> result) {
  return result.ok() ? std::move(result).value() : ErrorReply(result.error());
}

// The path parameter `index` as a positive id; the error names `field`.
inline Result<int64_t> PathId(const RequestContext& ctx, size_t index, std::string_view field) {
  if (index >= ctx.params.size()) return Internal("route has no parameter " + std::to_string(index));
  return ParseId(ctx.params[index], field);
}

// The partnership of the user's unit (records are created in it).
Result<const Partnership*> OwnPartnership(RequestContext& ctx);

// The request's partnership: ?partnership= if given, else the user's own.
Result<const Partnership*> RequestedPartnership(RequestContext& ctx, const std::string& requested);

// Whether the user belongs to an external actor of the partnership (housing
// partners): they see aggregates only, with small counts suppressed.
bool IsExternalUser(const RequestContext& ctx, const Partnership& partnership);

// Writes `work` and its audit entry in one transaction: both or neither.
// `record_for` is called after `work`, so the entry can name the new id.
Status WriteAudited(RequestContext& ctx, const std::function<Status()>& work,
                    const std::function<audit::AuditRecord()>& record_for);

}  // namespace trygnet::http
