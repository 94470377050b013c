// Checking a whole message: repair, language detection, the packs of that language, and a fit score.
#pragma once

#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/checker.h"
#include "engine/engine.h"

namespace rapport {

/// The largest text checked in one call (bytes). A longer paste is checked up to this size (at a line break)
/// and the report says so, so that the caller never waits long.
inline constexpr std::size_t kMaxCheckedBytes = 128 * 1024;

/// "en", "de", "fr", "es" or "he", from the script and the most frequent function words; "en" when unsure.
std::string detect_language(std::string_view text);

struct MessageReport {
  std::string text;          ///< the checked text (invalid UTF-8 replaced); finding offsets refer to it
  std::vector<std::size_t> invalid_utf8;  ///< byte offsets in the input where invalid UTF-8 was replaced
  bool truncated = false;    ///< only the first kMaxCheckedBytes (to a line break) were checked
  std::string language;      ///< the language checked
  bool language_detected = false;
  std::vector<Finding> findings;
  int score = 100;           ///< fit for the target market, 0-100
  std::array<int, kDimCount> dim_scores{};  ///< the same per dimension (100 = nothing found there)
};

/// How to check: the language ("" = detect), channel, stage, and the user's choices.
struct CheckOptions {
  std::string language;
  /// The language of the explanations (why, fix): where the UI catalog of that language translates a rule
  /// ("rule.<id>.why", "rule.<id>.fix"), the translation replaces the pack's English. "" = English.
  std::string ui_language;
  std::string channel = "email";
  std::string stage = "first";
  std::set<std::string> disabled_rules;  ///< rule ids turned off
  std::vector<std::string> allowed;      ///< words or phrases never flagged
};
MessageReport check_text(const DataSet& data, std::string_view text, const Profile* sender, const Profile* target,
                         const CheckOptions& options, ParagraphCache* cache = nullptr);

/// Checks `text` from `sender` to `target`. `language` "" = detect. `channel`: email, chat, sms;
/// `stage`: first, ongoing, close.
/// `cache`: optional, for checking the same message again and again as it is typed (see ParagraphCache).
MessageReport check_text(const DataSet& data, std::string_view text, const Profile* sender, const Profile* target,
                         std::string_view language = "", std::string channel = "email", std::string stage = "first",
                         ParagraphCache* cache = nullptr);

}  // namespace rapport
