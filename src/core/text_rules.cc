#include "core/text_rules.h"

namespace trygnet {

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t extra = 0;
    uint32_t code = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if ((lead & 0xE0) == 0xC0) {
      extra = 1;
      code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2;
      code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3;
      code = lead & 0x07;
    } else
      return false;
    if (i + extra >= text.size()) return false;
    for (size_t k = 1; k <= extra; ++k) {
      unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    static constexpr uint32_t kMinForLength[4] = {0, 0x80, 0x800, 0x10000};
    if (code < kMinForLength[extra] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return false;
    i += extra + 1;
  }
  return true;
}

Status OptionalText(std::string_view field, std::string_view value, size_t max_length) {
  if (value.size() > max_length) {
    return InvalidArgument(std::string(field), "is too long (at most " + std::to_string(max_length) + " bytes)");
  }
  if (!IsValidUtf8(value)) return InvalidArgument(std::string(field), "is not valid UTF-8 text");
  if (value.find('\0') != std::string_view::npos) {
    return InvalidArgument(std::string(field), "contains a NUL character");
  }
  return OkStatus();
}

Status RequireText(std::string_view field, std::string_view value, size_t max_length) {
  if (value.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return InvalidArgument(std::string(field), "must not be empty");
  }
  return OptionalText(field, value, max_length);
}

Status RequireIdentifier(std::string_view field, std::string_view value) {
  auto ok_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  };
  bool ok = !value.empty() && value.size() <= 64 &&
            ((value[0] >= 'a' && value[0] <= 'z') || (value[0] >= '0' && value[0] <= '9'));
  for (char c : value) ok = ok && ok_char(c);
  if (!ok) {
    return InvalidArgument(std::string(field),
                           "must be an identifier: 1–64 of a–z, 0–9, '.', '_' or '-', starting with a letter or digit");
  }
  return OkStatus();
}

}  // namespace trygnet
