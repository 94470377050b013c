#include "engine/message.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "engine/text.h"

namespace rapport {

std::string detect_language(std::string_view text) {
  // Script first: Hebrew letters decide it.
  std::size_t hebrew = 0, letters = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xD7) ++hebrew;  // U+05C0-U+05FF lead byte
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++letters;
  }
  if (hebrew * 2 > letters / 4 && hebrew > 3) return "he";
  // Then function words: the language whose common words occur most.
  static const std::map<std::string, std::vector<std::string>> kWords = {
      {"en", {"the", "and", "to", "of", "you", "is", "we", "for", "your", "with", "please", "this"}},
      {"de", {"der", "die", "und", "das", "ist", "nicht", "sie", "wir", "mit", "ich", "für", "ihnen"}},
      {"fr", {"le", "la", "et", "les", "des", "est", "vous", "nous", "pour", "une", "avec", "je"}},
      {"es", {"el", "la", "y", "los", "las", "es", "que", "usted", "para", "con", "una", "por"}},
  };
  std::map<std::string, int> hits;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    for (const auto& [lang, words] : kWords) {
      if (std::find(words.begin(), words.end(), word) != words.end()) ++hits[lang];
    }
    word.clear();
  };
  for (std::size_t i = 0; i < text.size() && i < 20000; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isalpha(c) || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else {
      flush();
    }
  }
  flush();
  std::string best = "en";
  int best_hits = 0;
  for (const auto& [lang, n] : hits) {
    if (n > best_hits) {
      best = lang;
      best_hits = n;
    }
  }
  return best;
}

MessageReport check_text(const DataSet& data, std::string_view text, const Profile* sender, const Profile* target,
                         std::string_view language, std::string channel, std::string stage, ParagraphCache* cache) {
  CheckOptions o;
  o.language = std::string(language);
  o.channel = std::move(channel);
  o.stage = std::move(stage);
  return check_text(data, text, sender, target, o, cache);
}

MessageReport check_text(const DataSet& data, std::string_view text, const Profile* sender, const Profile* target,
                         const CheckOptions& options, ParagraphCache* cache) {
  const std::string_view language = options.language;
  MessageReport r;
  Utf8Repair repaired = repair_utf8(text);
  r.invalid_utf8 = std::move(repaired.bad_offsets);
  r.text = std::move(repaired.text);
  std::string_view checked = r.text;
  if (checked.size() > kMaxCheckedBytes) {
    std::size_t cut = checked.rfind('\n', kMaxCheckedBytes);
    if (cut == std::string_view::npos || cut < kMaxCheckedBytes / 2) cut = kMaxCheckedBytes;
    while (cut > 0 && (static_cast<unsigned char>(checked[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    checked = checked.substr(0, cut);
    r.truncated = true;
  }
  r.language = language.empty() ? detect_language(checked) : std::string(language);
  r.language_detected = language.empty();
  MessageContext ctx;
  ctx.sender = sender;
  ctx.target = target;
  ctx.channel = options.channel;
  ctx.stage = options.stage;
  ctx.disabled_rules = options.disabled_rules;
  ctx.allowed = options.allowed;
  if (const RuleSet* rules = data.rule_set(r.language)) r.findings = check_message(*rules, checked, ctx, cache);
  if (!options.ui_language.empty()) {
    if (const Catalog* catalog = data.catalog(options.ui_language)) {
      for (Finding& f : r.findings) {
        const MessageArg args[] = {{"target", target ? std::string_view(target->name_en) : std::string_view("this market")},
                                   {"sender", sender ? std::string_view(sender->name_en) : std::string_view("your culture")},
                                   {"match", std::string_view(f.text)}};
        for (auto [field, suffix] : {std::pair{&f.why, ".why"}, std::pair{&f.fix, ".fix"}}) {
          const std::string key = f.message_key + suffix;
          if (catalog->has(key)) *field = catalog->format(key, args);
        }
      }
    }
  }

  // The fit score: each finding costs by severity, overall and on its dimension.
  static constexpr int kCost[] = {3, 8, 20};
  int total = 0;
  std::array<int, kDimCount> per_dim{};
  for (const auto& f : r.findings) {
    const int cost = kCost[static_cast<int>(f.severity)];
    total += cost;
    if (f.dimension) per_dim[static_cast<std::size_t>(*f.dimension)] += cost;
  }
  r.score = std::max(0, 100 - total);
  for (std::size_t i = 0; i < kDimCount; ++i) r.dim_scores[i] = std::max(0, 100 - per_dim[i]);
  return r;
}

}  // namespace rapport
