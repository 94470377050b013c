// The message checker: a drafted message, the sender's culture, the target market, the channel and the stage
// of the relationship in; findings out, each with its span (UTF-8 bytes and UTF-16 units), why it matters for
// this market and a fix.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/rules.h"

namespace rapport {

struct MessageContext {
  const Profile* sender = nullptr;
  const Profile* target = nullptr;
  std::string stage = "first";    ///< first, ongoing, close
  std::string channel = "email";  ///< email, chat, sms
  /// For the pack self-tests: apply every rule whatever its conditions.
  bool ignore_conditions = false;
};

struct Finding {
  std::string rule_id, category;
  RuleSeverity severity = RuleSeverity::kWarning;
  std::size_t begin = 0, end = 0;              ///< UTF-8 byte offsets into the checked text
  std::size_t begin_utf16 = 0, end_utf16 = 0;  ///< the same span in UTF-16 code units
  std::string text;                            ///< the matched text
  std::string why, fix, replacement;
  std::optional<Dim> dimension;
};

/// Runs `rules` over `text` (valid UTF-8; see repair_utf8). Findings are sorted by position. Each regular
/// expression runs under ICU's time limit, so a pathological text cannot freeze the caller.
std::vector<Finding> check_rules(const std::vector<const Rule*>& rules, std::string_view text, const MessageContext& ctx);

/// Runs every rule of `packs` whose language is `language` (e.g. "en").
std::vector<Finding> check_message(const std::vector<const RulePack*>& packs, std::string_view language,
                                   std::string_view text, const MessageContext& ctx);

}  // namespace rapport
