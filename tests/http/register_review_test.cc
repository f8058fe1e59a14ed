// The register's review queue, and removal leaving no shadow lists: every
// unit told about the person gets a task to delete its copy.
#include <gtest/gtest.h>

#include <optional>
#include <set>

#include "demo_server.h"

namespace trygnet::testing {
namespace {

class RegisterReviewTest : public DemoServerTest {};

TEST_F(RegisterReviewTest, TheQueueListsOverdueUnvalidatedAndSoonDueRegistrationsMostUrgentFirst) {
  HttpClient police = SignedIn(*server_, "eas-analyst");
  HttpResponse response = police.Get("/api/v1/registrations/review-queue?within_days=60&limit=500");
  ASSERT_EQ(response.status, 200) << response.body;
  const nlohmann::json body = response.Json();
  ASSERT_FALSE(body["items"].empty());
  std::string previous;
  for (const nlohmann::json& item : body["items"]) {
    std::string due = item["review_due"];
    std::string why = item["queue_reason"];
    EXPECT_LE(previous, due);
    previous = due;
    if (why == "review_overdue") {
      EXPECT_LT(due, "2019-06-03");
    } else if (why == "review_due_soon") {
      EXPECT_LE(due, "2019-08-02");
      EXPECT_FALSE(item["validating_officer"].is_null());
    } else {
      EXPECT_EQ(why, "not_validated");
      EXPECT_TRUE(item["validating_officer"].is_null());
    }
    EXPECT_TRUE(item["valid_to"].is_null()) << "removed registrations are not in the queue";
  }
}

TEST_F(RegisterReviewTest, TheQueueRefusesBadInputAndIsPoliceData) {
  HttpClient police = SignedIn(*server_, "eas-analyst");
  HttpResponse too_far = police.Get("/api/v1/registrations/review-queue?within_days=400");
  EXPECT_EQ(too_far.status, 400);
  EXPECT_EQ(too_far.Json()["error"]["field"], "within_days");
  EXPECT_EQ(police.Get("/api/v1/registrations/review-queue?sort=name").status, 400);
  EXPECT_EQ(police.Get("/api/v1/registrations/review-queue?partnership=nowhere-2030").status, 404);
  HttpClient housing = SignedIn(*server_, "boligsocial-partner");
  EXPECT_EQ(housing.Get("/api/v1/registrations/review-queue").status, 403);
}

TEST_F(RegisterReviewTest, RemovingARegistrationGivesEveryRecipientATaskToDeleteItsCopy) {
  // A demo person with a registration still standing who was disclosed to an EKI unit.
  std::optional<Registration> standing;
  std::set<std::string> recipients;
  for (PersonId id = 1; id <= 2000 && !standing; ++id) {
    auto disclosures = server_->store().DisclosuresForPerson(id);
    auto registrations = server_->store().RegistrationsForPerson(id, server_->clock().Now());
    if (!disclosures.ok() || !registrations.ok()) continue;
    recipients.clear();
    for (const Disclosure& disclosure : *disclosures) recipients.insert(disclosure.to_unit_id);
    if (!recipients.contains("eki")) continue;
    for (const Registration& registration : *registrations) {
      if (!registration.IsRemoved()) standing = registration;
    }
  }
  ASSERT_TRUE(standing.has_value());
  const PersonId person_id = standing->person_id;

  HttpClient police = SignedIn(*server_, "eas-analyst");
  HttpResponse removed = police.Post("/api/v1/registrations/" + std::to_string(standing->id) + "/remove",
                                     {{"version", standing->version},
                                      {"reason", "no_longer_active"},
                                      {"note", "Ikke set i miljøet i et år (testdata)."}});
  ASSERT_EQ(removed.status, 200) << removed.body;
  const nlohmann::json tasks = removed.Json()["copy_removal_tasks"];
  std::set<std::string> tasked;
  for (const nlohmann::json& task : tasks) tasked.insert(task["assigned_unit_id"].get<std::string>());
  EXPECT_EQ(tasked, recipients);

  // The recipient reads the task as its own; the police, who removed the entry, do not see it.
  HttpClient eki = SignedIn(*server_, "eki-caseworker");
  for (const nlohmann::json& task : tasks) {
    if (task["assigned_unit_id"] != "eki") continue;
    const std::string path = "/api/v1/measures/" + std::to_string(task["measure_id"].get<int64_t>());
    HttpResponse read = eki.Get(path);
    ASSERT_EQ(read.status, 200) << read.body;
    const nlohmann::json measure = read.Json();
    EXPECT_EQ(measure["measure_type_id"], "removal-of-copy");
    EXPECT_EQ(measure["person_id"], person_id);
    EXPECT_EQ(measure["facts"]["fact"], "registration_removed");
    EXPECT_EQ(measure["facts"]["reason"], "no_longer_active");
    EXPECT_EQ(police.Get(path).status, 403);
  }
}

}  // namespace
}  // namespace trygnet::testing
