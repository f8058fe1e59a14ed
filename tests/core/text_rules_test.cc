#include "core/text_rules.h"

#include <gtest/gtest.h>

#include <string>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::IsError;

TEST(IsValidUtf8, AcceptsAsciiAndMultibyteText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Mikkel Testesen"));
  EXPECT_TRUE(IsValidUtf8("N\xC3\xB8rrebro Bl\xC3\xA5g\xC3\xA5rds Plads"));  // Nørrebro Blågårds Plads
  EXPECT_TRUE(IsValidUtf8("\xE2\x82\xAC"));                                  // €
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));                              // U+1F600
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));                              // U+10FFFF, the last code point
}

TEST(IsValidUtf8, RejectsOverlongForms) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));  // '/' in two bytes
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // '/' in three bytes
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));  // '/' in four bytes
}

TEST(IsValidUtf8, RejectsSurrogatesAndValuesPastTheLastCodePoint) {
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // U+D800
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));      // U+DFFF
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(IsValidUtf8("\xF8\x88\x80\x80\x80"));
}

TEST(IsValidUtf8, RejectsTruncatedAndStraySequences) {
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_FALSE(IsValidUtf8("abc\xE2\x82"));
  EXPECT_FALSE(IsValidUtf8("\xF0\x9F\x98"));
  EXPECT_FALSE(IsValidUtf8("\x80"));          // continuation without a lead byte
  EXPECT_FALSE(IsValidUtf8("\xE2\x82\x41"));  // lead byte followed by ASCII
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(RequireText, RejectsEmptyAndBlankText) {
  EXPECT_TRUE(IsError(RequireText("name", ""), ErrorCode::kInvalidArgument, "name"));
  EXPECT_TRUE(IsError(RequireText("name", " \t\r\n"), ErrorCode::kInvalidArgument, "name"));
  EXPECT_TRUE(RequireText("name", "Gruppe Nordlys").ok());
}

TEST(RequireText, RejectsTooLongInvalidOrNulText) {
  EXPECT_TRUE(IsError(RequireText("name", std::string(kMaxNameLength + 1, 'a')), ErrorCode::kInvalidArgument, "name"));
  EXPECT_TRUE(RequireText("name", std::string(kMaxNameLength, 'a')).ok());
  EXPECT_TRUE(IsError(RequireText("name", "Mikkel\xC3"), ErrorCode::kInvalidArgument, "name"));
  EXPECT_TRUE(IsError(RequireText("name", std::string("Mikkel\0Testesen", 15)), ErrorCode::kInvalidArgument, "name"));
}

TEST(OptionalText, AcceptsEmptyButChecksTheRest) {
  EXPECT_TRUE(OptionalText("note", "").ok());
  EXPECT_TRUE(OptionalText("note", std::string(kMaxTextLength, 'x')).ok());
  EXPECT_TRUE(IsError(OptionalText("note", std::string(kMaxTextLength + 1, 'x')), ErrorCode::kInvalidArgument, "note"));
  EXPECT_TRUE(IsError(OptionalText("note", "\xED\xA0\x80"), ErrorCode::kInvalidArgument, "note"));
  EXPECT_TRUE(IsError(OptionalText("note", "short", 3), ErrorCode::kInvalidArgument, "note"));
}

TEST(RequireIdentifier, AcceptsLowerCaseIdentifiers) {
  for (const char* text : {"eas", "sikker-by", "norrebro-2017", "rpl-115a", "9lives", "a.b_c-d"}) {
    EXPECT_TRUE(RequireIdentifier("id", text).ok()) << text;
  }
  EXPECT_TRUE(RequireIdentifier("id", std::string(64, 'a')).ok());
}

TEST(RequireIdentifier, RejectsAnythingElse) {
  for (const std::string& text :
       {std::string(""), std::string("Eas"), std::string("-eas"), std::string("_eas"), std::string(".eas"),
        std::string("sikker by"), std::string("bl\xC3\xA5g\xC3\xA5rd"), std::string("eas/dks"), std::string(65, 'a')}) {
    EXPECT_TRUE(IsError(RequireIdentifier("unit_id", text), ErrorCode::kInvalidArgument, "unit_id")) << text;
  }
}

}  // namespace
}  // namespace trygnet
