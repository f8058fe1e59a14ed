// Reading request targets, query parameters and JSON bodies strictly.
#include <gtest/gtest.h>

#include "http/json_fields.h"
#include "http/query_params.h"
#include "http/request_target.h"

namespace trygnet::http {
namespace {

TEST(RequestTargetTest, SplitsAndDecodesPathAndQuery) {
  auto target = ParseRequestTarget("/api/v1/persons?area=n%C3%B8rrebro&limit=5&q=a+b");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->path, "/api/v1/persons");
  EXPECT_EQ(target->query.at("area"), "nørrebro");
  EXPECT_EQ(target->query.at("limit"), "5");
  EXPECT_EQ(target->query.at("q"), "a b");
}

TEST(RequestTargetTest, RefusesWhatCannotBeRead) {
  EXPECT_EQ(ParseRequestTarget("/x?a=%ZZ").error().field, "a");
  EXPECT_EQ(ParseRequestTarget("/x?a=%4").error().field, "a");
  EXPECT_EQ(ParseRequestTarget("/x?a=%FF%FE").error().message, "is not valid UTF-8");
  EXPECT_EQ(ParseRequestTarget("/x?a=%00").error().message, "contains a control character");
  EXPECT_EQ(ParseRequestTarget("/x?a=1&a=2").error().message, "is given more than once");
  EXPECT_EQ(ParseRequestTarget("/x?=1").error().field, "query");
  EXPECT_EQ(ParseRequestTarget("x").error().field, "path");
  EXPECT_EQ(ParseRequestTarget("/a%2").error().field, "path");
}

TEST(QueryParamsTest, TypedAndBounded) {
  std::map<std::string, std::string> query = {{"limit", "10"}, {"as_of", "2017-03-31"}};
  QueryParams params(query);
  EXPECT_EQ(*params.PageSize(), 10);
  EXPECT_EQ(params.OptionalDate("as_of")->value().ToString(), "2017-03-31");
  EXPECT_TRUE(params.Finish().ok());
}

TEST(QueryParamsTest, RefusesAbsurdPageSizesAndUnknownNames) {
  for (std::string limit : {"0", "-1", "501", "1000000000000000000000", "ten", "5.5", ""}) {
    std::map<std::string, std::string> query = {{"limit", limit}};
    auto size = QueryParams(query).PageSize();
    ASSERT_FALSE(size.ok()) << limit;
    EXPECT_EQ(size.error().field, "limit");
  }
  std::map<std::string, std::string> query = {{"limt", "5"}};
  QueryParams params(query);
  ASSERT_TRUE(params.PageSize().ok());
  EXPECT_EQ(params.Finish().error().field, "limt");
}

TEST(QueryParamsTest, BadDatesNameTheParameter) {
  for (std::string date : {"2017-02-30", "31-03-2017", "2017-3-31", "yesterday"}) {
    std::map<std::string, std::string> query = {{"as_of", date}};
    auto parsed = QueryParams(query).OptionalDate("as_of");
    ASSERT_FALSE(parsed.ok()) << date;
    EXPECT_EQ(parsed.error().field, "as_of");
  }
}

TEST(ParseIdTest, PositiveWholeNumbersOnly) {
  EXPECT_EQ(*ParseId("17", "person_id"), 17);
  for (std::string text : {"0", "-3", "1e3", "abc", "99999999999999999999", "1 OR 1=1"}) {
    EXPECT_EQ(ParseId(text, "person_id").error().field, "person_id") << text;
  }
}

TEST(JsonFieldsTest, ParsesOnlyObjects) {
  EXPECT_EQ(ParseJsonObject("").error().field, "body");
  EXPECT_EQ(ParseJsonObject("{\"a\":").error().message, "is not well-formed JSON");
  EXPECT_EQ(ParseJsonObject("[1,2]").error().message, "must be a JSON object");
  EXPECT_EQ(ParseJsonObject("{\"a\":\"\xff\"}").error().message, "is not valid UTF-8");
  EXPECT_TRUE(ParseJsonObject("{}").ok());
}

TEST(JsonFieldsTest, TypesRangesAndUnknownFields) {
  auto body = nlohmann::json::parse(
      R"({"name":"Bo","age":"12","level":7,"on":"2017-02-30","tags":["a",3],"extra":true,"items":[{"x":1}]})");
  FieldReader fields(body);
  EXPECT_EQ(*fields.Text("name"), "Bo");
  EXPECT_EQ(fields.Integer("age", 0, 200).error().message, "must be a whole number");
  EXPECT_EQ(fields.Integer("level", 1, 3).error().message, "must be between 1 and 3");
  EXPECT_EQ(fields.DateField("on").error().field, "on");
  EXPECT_EQ(fields.TextList("tags", true).error().field, "tags[1]");
  EXPECT_EQ(fields.Text("missing").error().message, "is required");
  auto items = fields.ObjectList("items", true);
  ASSERT_TRUE(items.ok());
  EXPECT_EQ((*items)[0].Text("y").error().field, "items[0].y");
  EXPECT_EQ((*items)[0].Finish().error().field, "items[0].x");
  EXPECT_EQ(fields.Finish().error().field, "extra");
}

TEST(JsonFieldsTest, HugeNumbersAndLongTextsAreRefused) {
  auto body = nlohmann::json::parse(R"({"n":18446744073709551615,"m":-9223372036854775808})");
  FieldReader fields(body);
  EXPECT_FALSE(fields.Integer("n", 1, 1000).ok());
  EXPECT_FALSE(fields.Integer("m", 1, 1000).ok());
  nlohmann::json long_text = {{"t", std::string(kMaxTextLength + 1, 'x')}};
  FieldReader long_fields(long_text);
  EXPECT_EQ(long_fields.Text("t").error().field, "t");
}

}  // namespace
}  // namespace trygnet::http
