#include "http/daily_triggers.h"

#include <chrono>
#include <iostream>

#include "triggers/trigger_engine.h"

namespace trygnet::http {
namespace {

// Five minutes past the next midnight UTC, so a day's last records are in.
constexpr int64_t kSecondsPerDay = 24 * 3600;
constexpr int64_t kAfterMidnight = 5 * 60;

int64_t SecondsUntilNextRun(Timestamp now) {
  int64_t into_day = now.unix_seconds() % kSecondsPerDay;
  return kSecondsPerDay - into_day + kAfterMidnight;
}

}  // namespace

DailyTriggers::DailyTriggers(OpenStore open, std::vector<Partnership> partnerships, const Clock& clock)
    : open_(std::move(open)), partnerships_(std::move(partnerships)), clock_(clock) {
  thread_ = std::thread([this] { Loop(); });
}

DailyTriggers::~DailyTriggers() { Stop(); }

void DailyTriggers::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int64_t DailyTriggers::runs() const {
  std::lock_guard lock(mutex_);
  return runs_;
}

int64_t DailyTriggers::created() const {
  std::lock_guard lock(mutex_);
  return created_;
}

void DailyTriggers::Loop() {
  auto store = open_();
  if (!store.ok()) {
    std::cerr << "trygnet: udløsende regler kører ikke (trigger rules not running): " << store.error().ToString()
              << "\n";
    return;
  }
  while (true) {
    RunOnce(**store);
    std::unique_lock lock(mutex_);
    auto wait = std::chrono::seconds(SecondsUntilNextRun(clock_.Now()));
    if (wake_.wait_for(lock, wait, [this] { return stopping_; })) return;
  }
}

void DailyTriggers::RunOnce(Store& store) {
  const triggers::TriggerActor actor{"system:triggers", "system"};
  Date today = clock_.Now().date();
  for (const Partnership& partnership : partnerships_) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    if (partnership.triggers.empty()) continue;
    auto run = triggers::RunTriggers(store, partnership, today, actor, clock_);
    if (!run.ok()) {
      std::cerr << "trygnet: udløsende regler for " << partnership.id << " fejlede (trigger rules failed): "
                << run.error().ToString() << "\n";
      continue;
    }
    std::lock_guard lock(mutex_);
    runs_ += 1;
    created_ += static_cast<int64_t>(run->created.size());
    std::cerr << "trygnet: udløsende regler for " << partnership.id << " pr. " << today.ToString() << ": "
              << run->created.size() << " oprettet (created)\n";
  }
}

}  // namespace trygnet::http
