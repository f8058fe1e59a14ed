#include "http/store_pool.h"

namespace trygnet::http {

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  TRY_ASSIGN(std::unique_ptr<Store> store, opener_());
  return Lease(this, std::move(store));
}

void StorePool::Return(std::unique_ptr<Store> store) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
}

}  // namespace trygnet::http
