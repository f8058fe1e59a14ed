// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps,
// 6 digits), the second factor for every role that sees personal data.
// Compatible with common authenticator apps via an otpauth:// URI.
// Thread-safety: pure functions; safe to call concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace trygnet::auth {

inline constexpr int64_t kTotpStepSeconds = 30;

// 20 random bytes, the RFC 4226 recommended secret length.
std::vector<uint8_t> NewTotpSecret();
std::string Base32Encode(const std::vector<uint8_t>& bytes);
Result<std::vector<uint8_t>> Base32Decode(std::string_view text);

// The code for one time step (RFC 4226 dynamic truncation), `digits` long.
std::string TotpCode(const std::vector<uint8_t>& secret, int64_t step, int digits = 6);
int64_t TotpStep(Timestamp at);

// The step whose code matches `code` at `now`, allowing `window` steps of
// clock drift either way, and only steps after `last_used_step` (no replay).
std::optional<int64_t> MatchTotp(const std::vector<uint8_t>& secret, std::string_view code, Timestamp now,
                                 std::optional<int64_t> last_used_step, int window = 1);

// otpauth://totp/Trygnet:<account>?secret=…&issuer=Trygnet for authenticator apps.
std::string OtpauthUri(std::string_view account, const std::vector<uint8_t>& secret);

}  // namespace trygnet::auth
