// The message checker: a drafted message, the sender's culture, the target market, the channel and the stage
// of the relationship in; findings out, each with its span (UTF-8 bytes and UTF-16 units), why it matters for
// this market and a fix.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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
  /// Rules the user turned off (ids), and words or phrases the user accepts: a finding whose matched text is
  /// one of them (ignoring case) is not reported.
  std::set<std::string> disabled_rules;
  std::vector<std::string> allowed;
};

struct Finding {
  std::string rule_id, category;
  RuleSeverity severity = RuleSeverity::kWarning;
  std::size_t begin = 0, end = 0;              ///< UTF-8 byte offsets into the checked text
  std::size_t begin_utf16 = 0, end_utf16 = 0;  ///< the same span in UTF-16 code units
  std::string text;                            ///< the matched text
  /// The rule's message key, "rule.<rule id>": a UI catalog may give "<key>.why" and "<key>.fix" in its
  /// language (with {target}, {sender}, {match}); the pack's English is the source text.
  std::string message_key;
  std::string why, fix, replacement;
  std::optional<Dim> dimension;
};

/// Runs `rules` over `text` (valid UTF-8; see repair_utf8). Findings are sorted by position. Each regular
/// expression runs under ICU's time limit, so a pathological text cannot freeze the caller. `use_filter`:
/// skip expressions whose required literals do not occur (the findings are the same either way; false is
/// for the test that proves it).
std::vector<Finding> check_rules(const std::vector<const Rule*>& rules, std::string_view text, const MessageContext& ctx,
                                 bool use_filter = true);

/// The rules of every pack of one language, in pack order, with one literal filter over all of them (so a
/// paragraph is scanned once for all its language's packs). DataSet keeps one per language.
struct RuleSet {
  std::string language;
  std::vector<const Rule*> rules;
  std::shared_ptr<const LiteralFilter> filter;
};
RuleSet make_rule_set(const std::vector<const RulePack*>& packs, std::string_view language);

/// Findings of the paragraph-level rules (phrases, patterns, pronouns, dates, times, sentence length) are
/// worked out paragraph by paragraph: their matches never span a blank line. A cache keeps them per paragraph
/// text, so that re-checking a long message after a keystroke checks only the paragraph that changed; the
/// message-wide rules (greeting, sign-off, counts, commercial requirements) run each time. The cache holds
/// only the paragraphs of the last text checked, and empties itself when the context (packs, language,
/// markets, stage, channel) changes. Its owner must clear() it when the data it was used with is replaced.
struct ParagraphCache {
  /// A byte range of a paragraph, [begin, end).
  struct Span {
    std::size_t begin, end;
  };
  void clear() {
    entries.clear();
    context.clear();
  }
  /// What the context was: the cache empties itself when it changes.
  static std::string signature(const RuleSet& rules, const MessageContext& ctx);
  /// What one paragraph holds: the matches of the paragraph-level rules, and which of the `unless` and
  /// `detect` expressions (softeners, signs of advertising) occur in it.
  struct Paragraph {
    std::unordered_map<const Rule*, std::vector<Span>> spans;
    std::unordered_set<const void*> occurring;
  };
  std::string context;
  std::unordered_map<std::string, Paragraph> entries;  ///< by paragraph text
  std::size_t hits = 0, misses = 0;  ///< paragraphs reused and paragraphs checked, since construction
};

/// Runs every rule of `rules` (see check_message below).
std::vector<Finding> check_message(const RuleSet& rules, std::string_view text, const MessageContext& ctx,
                                   ParagraphCache* cache = nullptr);

/// Runs every rule of `packs` whose language is `language` (e.g. "en"). `cache`: optional, see ParagraphCache.
std::vector<Finding> check_message(const std::vector<const RulePack*>& packs, std::string_view language,
                                   std::string_view text, const MessageContext& ctx, ParagraphCache* cache = nullptr);

}  // namespace rapport
