// Small helpers shared by the core and store tests: literal dates and instants, and a
// check that a Result failed with a given code and field.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"

namespace trygnet::testing {

// A date from "YYYY-MM-DD"; fails the test if the text is not a date.
inline Date D(std::string_view text) {
  auto parsed = Date::Parse(text);
  EXPECT_TRUE(parsed.ok()) << "bad date literal in test: " << text;
  return parsed.ok() ? *parsed : Date();
}

// An instant from "YYYY-MM-DDTHH:MM:SSZ"; fails the test if malformed.
inline Timestamp T(std::string_view text) {
  auto parsed = Timestamp::Parse(text);
  EXPECT_TRUE(parsed.ok()) << "bad time literal in test: " << text;
  return parsed.ok() ? *parsed : Timestamp();
}

// Succeeds when `result` is an error with `code` and, if given, `field`.
template <typename T>
::testing::AssertionResult IsError(const Result<T>& result, ErrorCode code, std::string_view field = {}) {
  if (result.ok()) return ::testing::AssertionFailure() << "expected " << ErrorCodeName(code) << ", got success";
  const Error& error = result.error();
  if (error.code != code) {
    return ::testing::AssertionFailure() << "expected " << ErrorCodeName(code) << ", got " << ErrorCodeName(error.code)
                                         << ": " << error.ToString();
  }
  if (!field.empty() && error.field != field) {
    return ::testing::AssertionFailure() << "expected field \"" << field << "\", got \"" << error.field
                                         << "\": " << error.ToString();
  }
  return ::testing::AssertionSuccess();
}

template <typename T>
::testing::AssertionResult IsOk(const Result<T>& result) {
  if (result.ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << ErrorCodeName(result.error().code) << ": " << result.error().ToString();
}

}  // namespace trygnet::testing
