// Error and Result<T>: how every fallible function in core, policy, audit,
// store and analytics reports failure (STYLE.md rule 1).
//
// A Result<T> holds either a value or an Error{code, message, field}. The
// codes are one fixed list; the CLI maps them to exit codes in one place
// (src/cli/exit_codes.cc) and the API will map them to HTTP status.
// Thread-safety: plain values; safe to copy between threads.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace trygnet {

enum class ErrorCode {
  kInvalidArgument,     // the caller's input breaks a rule; `field` names it
  kNotFound,            // the thing asked for does not exist
  kPermissionDenied,    // policy says no
  kConflict,            // the change clashes with what is stored
  kFailedPrecondition,  // the system is not in a state that allows this
  kDataLoss,            // stored data is damaged or cannot be decrypted
  kUnavailable,         // a resource (file, database) cannot be reached
  kInternal,            // a bug: an invariant of our own code failed
};

// Stable lower-case name, e.g. "invalid_argument" (used in JSON and logs).
std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // one sentence a user can act on
  std::string field;    // the input field at fault, or empty

  // "field: message" when a field is named, else the message alone.
  std::string ToString() const;
};

inline Error InvalidArgument(std::string field, std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(message), std::move(field)};
}
inline Error NotFound(std::string message, std::string field = {}) {
  return Error{ErrorCode::kNotFound, std::move(message), std::move(field)};
}
inline Error Conflict(std::string message, std::string field = {}) {
  return Error{ErrorCode::kConflict, std::move(message), std::move(field)};
}
inline Error FailedPrecondition(std::string message) {
  return Error{ErrorCode::kFailedPrecondition, std::move(message), {}};
}
inline Error DataLoss(std::string message) { return Error{ErrorCode::kDataLoss, std::move(message), {}}; }
inline Error Unavailable(std::string message) { return Error{ErrorCode::kUnavailable, std::move(message), {}}; }
inline Error PermissionDenied(std::string message) {
  return Error{ErrorCode::kPermissionDenied, std::move(message), {}};
}
inline Error Internal(std::string message) { return Error{ErrorCode::kInternal, std::move(message), {}}; }

// Either a T or an Error. Ignoring one is a compile warning.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  // REQUIRES: !ok()
  const Error& error() const& {
    assert(!ok());
    return std::get<Error>(state_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<Error>(std::move(state_));
  }

 private:
  std::variant<T, Error> state_;
};

// Result of an operation that yields nothing but may fail.
struct Ok {};
using Status = Result<Ok>;
inline Status OkStatus() { return Ok{}; }

}  // namespace trygnet

// Passes an error up: `TRY_STATUS(store.Put(x));`
#define TRY_STATUS(expr)                                                          \
  do {                                                                            \
    auto trygnet_try_result_ = (expr);                                            \
    if (!trygnet_try_result_.ok()) return std::move(trygnet_try_result_).error(); \
  } while (0)

#define TRYGNET_CONCAT_INNER(a, b) a##b
#define TRYGNET_CONCAT(a, b) TRYGNET_CONCAT_INNER(a, b)

// Unwraps a value or passes the error up: `TRY_ASSIGN(auto person, store.GetPerson(id));`
#define TRY_ASSIGN(lhs, expr) TRY_ASSIGN_IMPL(TRYGNET_CONCAT(trygnet_try_, __LINE__), lhs, expr)
#define TRY_ASSIGN_IMPL(tmp, lhs, expr)         \
  auto tmp = (expr);                            \
  if (!tmp.ok()) return std::move(tmp).error(); \
  lhs = std::move(tmp).value()
