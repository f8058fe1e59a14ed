// The server's daily run of the trigger rules (src/triggers): once when the
// server starts and then every day shortly after midnight UTC, for every
// loaded partnership, audited as "system:triggers". A run that fails is
// logged and tried again the next day; the rules are idempotent, so a missed
// day is caught up by the rules' look-back.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "store/store.h"

namespace trygnet::http {

class DailyTriggers {
 public:
  using OpenStore = std::function<Result<std::unique_ptr<Store>>()>;

  DailyTriggers(OpenStore open, std::vector<Partnership> partnerships, const Clock& clock);
  ~DailyTriggers();  // stops

  // Waits for a run in progress to finish, then stops.
  void Stop();

  int64_t runs() const;
  int64_t created() const;

 private:
  void Loop();
  void RunOnce(Store& store);

  OpenStore open_;
  std::vector<Partnership> partnerships_;
  const Clock& clock_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  int64_t runs_ = 0;
  int64_t created_ = 0;
  std::thread thread_;
};

}  // namespace trygnet::http
