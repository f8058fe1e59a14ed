#include "core/error.h"

#include <gtest/gtest.h>

namespace trygnet {
namespace {

Result<int> Half(int value) {
  if (value % 2 != 0) return InvalidArgument("value", "must be even");
  return value / 2;
}

Result<int> Quarter(int value) {
  TRY_ASSIGN(int half, Half(value));
  TRY_ASSIGN(int quarter, Half(half));
  return quarter;
}

Status CheckEven(int value) {
  TRY_STATUS(Half(value));
  return OkStatus();
}

TEST(Error, ToStringNamesTheField) {
  EXPECT_EQ(InvalidArgument("cpr", "must be 10 digits").ToString(), "cpr: must be 10 digits");
  EXPECT_EQ(NotFound("no person with id 4").ToString(), "no person with id 4");
}

TEST(Error, CodesHaveStableNames) {
  EXPECT_EQ(ErrorCodeName(ErrorCode::kInvalidArgument), "invalid_argument");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kNotFound), "not_found");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kPermissionDenied), "permission_denied");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kConflict), "conflict");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kFailedPrecondition), "failed_precondition");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kDataLoss), "data_loss");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kUnavailable), "unavailable");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kInternal), "internal");
}

TEST(Result, TryMacrosPassErrorsUp) {
  ASSERT_TRUE(Quarter(8).ok());
  EXPECT_EQ(*Quarter(8), 2);
  auto failed = Quarter(6);  // 6 / 2 = 3 is odd
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(failed.error().field, "value");
  EXPECT_TRUE(CheckEven(4).ok());
  EXPECT_FALSE(CheckEven(3).ok());
}

}  // namespace
}  // namespace trygnet
