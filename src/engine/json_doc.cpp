#include "engine/json_doc.h"

#include <algorithm>
#include <unordered_set>

#include "engine/text.h"

namespace rapport {

using nlohmann::json;

std::string json_pointer_append(std::string_view pointer, std::string_view key) {
  std::string out(pointer);
  out += '/';
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string json_pointer_append(std::string_view pointer, std::size_t index) {
  return std::string(pointer) + '/' + std::to_string(index);
}

SourcePosition JsonDocument::position_of(std::string_view pointer) const {
  std::string p(pointer);
  while (true) {
    auto it = offsets.find(p);
    if (it != offsets.end()) return line_column(text, it->second);
    if (p.empty()) return {1, 1};
    p.erase(p.rfind('/'));
  }
}

DataError JsonDocument::error_at(std::string_view pointer, std::string message) const {
  return DataError{file, position_of(pointer), std::string(pointer), std::move(message)};
}

namespace {

// Walks JSON text that nlohmann has already accepted, recording where each value starts and finding duplicate
// keys. It trusts the text to be valid JSON, so it can be short.
class PositionIndexer {
 public:
  PositionIndexer(const JsonDocument& doc, std::unordered_map<std::string, std::size_t>& offsets,
                  DataErrors& errors)
      : doc_(doc), s_(doc.text), offsets_(offsets), errors_(errors) {}

  void run(std::size_t start) {
    i_ = start;
    value("");
  }

 private:
  void skip_ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  // Returns the raw token of a string, quotes included, and moves past it.
  std::string_view string_token() {
    const std::size_t start = i_++;
    while (i_ < s_.size() && s_[i_] != '"') i_ += (s_[i_] == '\\') ? 2 : 1;
    ++i_;
    return s_.substr(start, i_ - start);
  }
  static std::string decode_key(std::string_view token) {
    if (token.find('\\') == std::string_view::npos) return std::string(token.substr(1, token.size() - 2));
    json j = json::parse(token, nullptr, false);
    return j.is_string() ? j.get<std::string>() : std::string(token);
  }
  void value(const std::string& pointer) {
    skip_ws();
    if (i_ >= s_.size()) return;
    offsets_.emplace(pointer, i_);
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      std::unordered_set<std::string> seen;
      while (true) {
        skip_ws();
        if (s_[i_] == '}') {
          ++i_;
          return;
        }
        if (s_[i_] == ',') {
          ++i_;
          continue;
        }
        const std::size_t key_at = i_;
        const std::string key = decode_key(string_token());
        const std::string child = json_pointer_append(pointer, key);
        if (!seen.insert(key).second) {
          errors_.push_back(DataError{doc_.file, line_column(s_, key_at), child,
                                      "duplicate key \"" + key + "\": the earlier value would be lost"});
        } else {
          offsets_[child] = key_at;  // a member points at its key, which is where a person looks
        }
        skip_ws();
        ++i_;  // ':'
        value(child);
      }
    } else if (c == '[') {
      ++i_;
      std::size_t index = 0;
      while (true) {
        skip_ws();
        if (s_[i_] == ']') {
          ++i_;
          return;
        }
        if (s_[i_] == ',') {
          ++i_;
          continue;
        }
        value(json_pointer_append(pointer, index++));
      }
    } else if (c == '"') {
      string_token();
    } else {
      while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && s_[i_] != ' ' &&
             s_[i_] != '\n' && s_[i_] != '\r' && s_[i_] != '\t')
        ++i_;
    }
  }

  const JsonDocument& doc_;
  std::string_view s_;
  std::unordered_map<std::string, std::size_t>& offsets_;
  DataErrors& errors_;
  std::size_t i_ = 0;
};

// Captures nlohmann's syntax error without throwing.
struct ErrorCatcher : nlohmann::json_sax<json> {
  std::size_t position = 0;
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) override {
    position = pos;
    message = ex.what();
    return false;
  }
};

// nlohmann's text is "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ...";
// keep what follows the position, since ours counts columns in characters.
std::string clean_parse_message(const std::string& what) {
  const auto col = what.find("column ");
  if (col != std::string::npos) {
    const auto colon = what.find(": ", col);
    if (colon != std::string::npos) return what.substr(colon + 2);
  }
  const auto bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

}  // namespace

Result<JsonDocument, DataErrors> parse_json(std::string_view file, std::string_view contents) {
  JsonDocument doc;
  doc.file = std::string(file);
  doc.text = std::string(contents);
  std::size_t start = 0;
  if (doc.text.rfind("\xEF\xBB\xBF", 0) == 0) start = 3;

  doc.value = json::parse(doc.text.begin(), doc.text.end(), nullptr, /*allow_exceptions=*/false,
                          /*ignore_comments=*/false);
  if (doc.value.is_discarded()) {
    ErrorCatcher catcher;
    json::sax_parse(doc.text, &catcher, nlohmann::detail::input_format_t::json, /*strict=*/true);
    // nlohmann reports how far it read: the offending token ends there. Point at the token's start (for a
    // string, its opening quote), which is where a person looks for the mistake.
    std::size_t token_start = catcher.position > 0 ? std::min(catcher.position - 1, doc.text.size()) : 0;
    if (token_start < doc.text.size() && token_start > 0 && doc.text[token_start] == '"') {
      std::size_t q = token_start - 1;
      while (q > 0 && !(doc.text[q] == '"' && doc.text[q - 1] != '\\')) --q;
      token_start = q;
    }
    std::string message = "invalid JSON: " + clean_parse_message(catcher.message);
    if (!is_valid_utf8(doc.text)) {
      const auto bad = repair_utf8(doc.text).bad_offsets.front();
      return fail(DataErrors{DataError{doc.file, line_column(doc.text, bad), "",
                                       "the file is not valid UTF-8 (save it as UTF-8)"}});
    }
    return fail(DataErrors{DataError{doc.file, line_column(doc.text, token_start), "", std::move(message)}});
  }

  DataErrors errors;
  PositionIndexer(doc, doc.offsets, errors).run(start);
  if (!errors.empty()) return fail(std::move(errors));
  return doc;
}

}  // namespace rapport
