#include "engine/json_reader.h"

#include <algorithm>
#include <cmath>

namespace rapport {

using nlohmann::json;

namespace {
const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "true/false";
    case json::value_t::string: return "a string";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    default: return "something else";
  }
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string format_number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}
}  // namespace

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? " or " : ", ";
    out += '"' + items[i] + '"';
  }
  return out;
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = std::string::npos;
  for (const auto& c : candidates) {
    // Levenshtein distance, two rows.
    std::vector<std::size_t> prev(c.size() + 1), cur(c.size() + 1);
    for (std::size_t j = 0; j <= c.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= word.size(); ++i) {
      cur[0] = i;
      for (std::size_t j = 1; j <= c.size(); ++j) {
        const std::size_t sub = prev[j - 1] + (word[i - 1] == c[j - 1] ? 0 : 1);
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      }
      std::swap(prev, cur);
    }
    if (prev[c.size()] < best_d) {
      best_d = prev[c.size()];
      best = c;
    }
  }
  const std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
  return best_d <= allowed ? best : std::string();
}

ObjectReader::ObjectReader(const JsonDocument& doc, const json& value, std::string pointer, DataErrors& errors)
    : doc_(&doc), value_(&value), pointer_(std::move(pointer)), errors_(&errors) {
  if (!value.is_object()) {
    errors.push_back(doc.error_at(pointer_, std::string("expected an object, found ") + type_name(value)));
    value_ = nullptr;
  }
}

bool ObjectReader::has(std::string_view key) const { return value_ && value_->contains(key); }

void ObjectReader::error(std::string_view key, std::string message) {
  errors_->push_back(doc_->error_at(key.empty() ? pointer_ : child_pointer(key), std::move(message)));
}

const json* ObjectReader::find(std::string_view key, Need need, const char* expected) {
  known_.emplace(key);
  if (!value_) return nullptr;
  auto it = value_->find(key);
  if (it == value_->end()) {
    if (need == Need::kRequired) {
      errors_->push_back(doc_->error_at(pointer_, "missing required field \"" + std::string(key) + "\" (" +
                                                      expected + ")"));
    }
    return nullptr;
  }
  return &*it;
}

const json* ObjectReader::raw(std::string_view key) { return find(key, Need::kOptional, ""); }

std::string ObjectReader::string(std::string_view key, Need need) {
  const json* v = find(key, need, "a string");
  if (!v) return {};
  if (!v->is_string()) {
    error(key, std::string("expected a string, found ") + type_name(*v));
    return {};
  }
  std::string s = trim(v->get<std::string>());
  if (s.empty()) error(key, "must not be empty");
  return s;
}

std::optional<std::string> ObjectReader::optional_string(std::string_view key) {
  if (!has(key)) {
    known_.emplace(key);
    return std::nullopt;
  }
  return string(key, Need::kOptional);
}

long long ObjectReader::integer(std::string_view key, long long min, long long max, Need need, long long fallback) {
  const json* v = find(key, need, "a whole number");
  if (!v) return fallback;
  if (!v->is_number_integer()) {
    error(key, std::string("expected a whole number, found ") + type_name(*v));
    return fallback;
  }
  const long long n = v->get<long long>();
  if (n < min || n > max) {
    error(key, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", found " +
                   std::to_string(n));
    return fallback;
  }
  return n;
}

double ObjectReader::number(std::string_view key, double min, double max, Need need, double fallback) {
  const json* v = find(key, need, "a number");
  if (!v) return fallback;
  if (!v->is_number()) {
    error(key, std::string("expected a number, found ") + type_name(*v));
    return fallback;
  }
  const double n = v->get<double>();
  if (n < min || n > max) {
    error(key, "expected a number from " + format_number(min) + " to " + format_number(max) + ", found " +
                   format_number(n));
    return fallback;
  }
  return n;
}

bool ObjectReader::boolean(std::string_view key, Need need, bool fallback) {
  const json* v = find(key, need, "true or false");
  if (!v) return fallback;
  if (!v->is_boolean()) {
    error(key, std::string("expected true or false, found ") + type_name(*v));
    return fallback;
  }
  return v->get<bool>();
}

std::string ObjectReader::one_of(std::string_view key, std::initializer_list<std::string_view> allowed, Need need) {
  return one_of(key, std::span<const std::string_view>(allowed.begin(), allowed.size()), need);
}

std::string ObjectReader::one_of(std::string_view key, std::span<const std::string_view> allowed, Need need) {
  std::vector<std::string> names(allowed.begin(), allowed.end());
  const json* v = find(key, need, ("one of " + quoted_list(names)).c_str());
  if (!v) return {};
  if (!v->is_string()) {
    error(key, "expected one of " + quoted_list(names) + ", found " + type_name(*v));
    return {};
  }
  const auto s = v->get<std::string>();
  if (std::find(names.begin(), names.end(), s) == names.end()) {
    std::string msg = "\"" + s + "\" is not one of " + quoted_list(names);
    if (auto near = closest_match(s, names); !near.empty()) msg += " (did you mean \"" + near + "\"?)";
    error(key, msg);
    return {};
  }
  return s;
}

std::vector<std::string> ObjectReader::strings(std::string_view key, std::size_t min_items, Need need) {
  std::vector<std::string> out;
  const json* v = array(key, min_items, need);
  if (!v) return out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const json& item = (*v)[i];
    const std::string p = json_pointer_append(child_pointer(key), i);
    if (!item.is_string() || trim(item.get<std::string>()).empty()) {
      errors_->push_back(doc_->error_at(p, item.is_string() ? "must not be empty"
                                                            : std::string("expected a string, found ") + type_name(item)));
      continue;
    }
    out.push_back(trim(item.get<std::string>()));
  }
  return out;
}

std::pair<double, double> ObjectReader::range(std::string_view key, double min, double max, Need need) {
  const json* v = array(key, 2, need);
  if (!v) return {min, min};
  if (v->size() != 2 || !(*v)[0].is_number() || !(*v)[1].is_number()) {
    error(key, "expected [low, high]: two numbers from " + format_number(min) + " to " + format_number(max));
    return {min, min};
  }
  const double lo = (*v)[0].get<double>(), hi = (*v)[1].get<double>();
  if (lo < min || hi > max || lo > max || hi < min) {
    error(key, "expected [low, high] from " + format_number(min) + " to " + format_number(max) + ", found [" +
                   format_number(lo) + ", " + format_number(hi) + "]");
    return {min, min};
  }
  if (lo > hi) {
    error(key, "low " + format_number(lo) + " is above high " + format_number(hi) + ": write [low, high]");
    return {hi, lo};
  }
  return {lo, hi};
}

ObjectReader ObjectReader::object(std::string_view key, Need need) {
  static const json kAbsent = json::object();
  const json* v = find(key, need, "an object");
  if (!v) {
    ObjectReader r(*doc_, kAbsent, child_pointer(key), *errors_);
    r.value_ = nullptr;  // absent: accessors return defaults without further errors
    return r;
  }
  return ObjectReader(*doc_, *v, child_pointer(key), *errors_);
}

const json* ObjectReader::array(std::string_view key, std::size_t min_items, Need need) {
  const json* v = find(key, need, "an array");
  if (!v) return nullptr;
  if (!v->is_array()) {
    error(key, std::string("expected an array, found ") + type_name(*v));
    return nullptr;
  }
  if (v->size() < min_items) {
    error(key, "expected at least " + std::to_string(min_items) + (min_items == 1 ? " item" : " items"));
  }
  return v;
}

void ObjectReader::finish() {
  if (!value_) return;
  std::vector<std::string> known(known_.begin(), known_.end());
  for (const auto& [key, v] : value_->items()) {
    if (known_.count(key) || key == "$schema") continue;
    std::string msg = "unknown field \"" + key + "\"";
    if (auto near = closest_match(key, known); !near.empty()) {
      msg += " (did you mean \"" + near + "\"?)";
    } else {
      msg += "; expected " + quoted_list(known);
    }
    error(key, msg);
  }
}

}  // namespace rapport
