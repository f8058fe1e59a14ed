// Store connections for request threads: a store is not thread-safe, so each
// request leases one for its duration and gives it back. Connections are
// opened on demand and kept for reuse.
// Thread-safety: Lease may be called from any thread.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/store.h"

namespace trygnet::http {

class StorePool {
 public:
  using Opener = std::function<Result<std::unique_ptr<Store>>()>;
  explicit StorePool(Opener opener) : opener_(std::move(opener)) {}

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  Result<Lease> Acquire();

 private:
  void Return(std::unique_ptr<Store> store);

  Opener opener_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace trygnet::http
