#include "network/worker_result.h"

#include <cstring>

namespace trygnet::network {
namespace {

template <typename T>
void Put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
void PutAll(std::string& out, const std::vector<T>& values) {
  Put(out, static_cast<int64_t>(values.size()));
  out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

class Bytes {
 public:
  explicit Bytes(const std::string& bytes) : bytes_(bytes) {}
  template <typename T>
  Result<T> Get() {
    T value{};
    if (offset_ + sizeof value > bytes_.size()) return Internal("a worker process sent too little");
    std::memcpy(&value, bytes_.data() + offset_, sizeof value);
    offset_ += sizeof value;
    return value;
  }
  template <typename T>
  Result<std::vector<T>> GetAll() {
    TRY_ASSIGN(int64_t count, Get<int64_t>());
    if (count < 0 || offset_ + static_cast<size_t>(count) * sizeof(T) > bytes_.size()) {
      return Internal("a worker process sent too little");
    }
    std::vector<T> values(static_cast<size_t>(count));
    std::memcpy(values.data(), bytes_.data() + offset_, values.size() * sizeof(T));
    offset_ += values.size() * sizeof(T);
    return values;
  }

 private:
  const std::string& bytes_;
  size_t offset_ = 0;
};

}  // namespace

std::string EncodeWorkerResult(const Communities& communities, const std::vector<PivotShare>& shares) {
  std::string out;
  Put(out, communities.count);
  Put(out, communities.modularity);
  PutAll(out, communities.membership);
  for (const PivotShare& share : shares) {
    Put(out, share.used);
    PutAll(out, share.sums);
  }
  return out;
}

Status DecodeWorkerResult(const std::string& bytes, size_t plans, Communities& communities,
                          std::vector<PivotShare>& shares) {
  Bytes in(bytes);
  TRY_ASSIGN(communities.count, in.Get<int64_t>());
  TRY_ASSIGN(communities.modularity, in.Get<double>());
  TRY_ASSIGN(communities.membership, in.GetAll<int64_t>());
  shares.resize(plans);
  for (PivotShare& share : shares) {
    TRY_ASSIGN(share.used, in.Get<int64_t>());
    TRY_ASSIGN(share.sums, in.GetAll<double>());
  }
  return OkStatus();
}

}  // namespace trygnet::network
