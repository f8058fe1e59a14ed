#include "http/request_target.h"

#include "core/text_rules.h"

namespace trygnet::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::string> PercentDecode(std::string_view text, bool plus_is_space, std::string_view field) {
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      bool complete = i + 2 < text.size();
      int high = complete ? HexValue(text[i + 1]) : -1;
      int low = complete ? HexValue(text[i + 2]) : -1;
      if (high < 0 || low < 0) return InvalidArgument(std::string(field), "has a broken %-escape");
      decoded.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      decoded.push_back(' ');
    } else {
      decoded.push_back(c);
    }
  }
  if (!IsValidUtf8(decoded)) return InvalidArgument(std::string(field), "is not valid UTF-8");
  for (unsigned char byte : decoded) {
    if (byte < 0x20 || byte == 0x7f) return InvalidArgument(std::string(field), "contains a control character");
  }
  return decoded;
}

Result<RequestTarget> ParseRequestTarget(std::string_view target) {
  RequestTarget parsed;
  size_t question = target.find('?');
  TRY_ASSIGN(parsed.path, PercentDecode(target.substr(0, question), false, "path"));
  if (parsed.path.empty() || parsed.path[0] != '/') return InvalidArgument("path", "must start with /");
  if (question == std::string_view::npos) return parsed;
  std::string_view query = target.substr(question + 1);
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    size_t equals = pair.find('=');
    TRY_ASSIGN(std::string name, PercentDecode(pair.substr(0, equals), true, "query"));
    std::string value;
    if (equals != std::string_view::npos) {
      TRY_ASSIGN(value, PercentDecode(pair.substr(equals + 1), true, name));
    }
    if (name.empty()) return InvalidArgument("query", "has a parameter without a name");
    if (!parsed.query.emplace(name, std::move(value)).second) {
      return InvalidArgument(name, "is given more than once");
    }
  }
  return parsed;
}

}  // namespace trygnet::http
