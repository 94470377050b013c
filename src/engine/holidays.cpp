#include "engine/holidays.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <tuple>

// [SECTION] ICU calendars
// [SECTION] Easter
// [SECTION] Solar terms
// [SECTION] Evaluating one rule for a year
// [SECTION] Substitute days
// [SECTION] holidays_in_year

namespace rapport {

// ---------------------------------------------------------------------------------------------------------
// [SECTION] ICU calendars: every conversion between calendars goes through ICU, at noon UTC so that no
// time zone or DST can shift a date.
// ---------------------------------------------------------------------------------------------------------
namespace {
constexpr double kMinDate = -8.64e15, kMaxDate = 8.64e15;

std::unique_ptr<icu::Calendar> make_calendar(const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(),
                                                                    icu::Locale(locale), status));
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU cannot create calendar ") + locale);
  return cal;
}

class Calendars {
 public:
  Calendars() {
    UErrorCode status = U_ZERO_ERROR;
    gregorian_ = std::make_unique<icu::GregorianCalendar>(icu::TimeZone::getGMT()->clone(), status);
    gregorian_->setGregorianChange(kMinDate, status);  // proleptic Gregorian, as CivilDate is
    julian_ = std::make_unique<icu::GregorianCalendar>(icu::TimeZone::getGMT()->clone(), status);
    julian_->setGregorianChange(kMaxDate, status);  // Julian throughout
    if (U_FAILURE(status)) throw std::runtime_error("ICU cannot create the Gregorian calendar");
  }

  icu::Calendar& get(const std::string& type) {
    auto it = others_.find(type);
    if (it == others_.end()) it = others_.emplace(type, make_calendar(("en@calendar=" + type).c_str())).first;
    return *it->second;
  }

  double ms_of(const CivilDate& d) { return ms_in(*gregorian_, d.year, d.month, d.day); }
  double julian_ms_of(const CivilDate& d) { return ms_in(*julian_, d.year, d.month, d.day); }
  CivilDate civil_of(double ms) {
    UErrorCode status = U_ZERO_ERROR;
    gregorian_->setTime(ms, status);
    return {gregorian_->get(UCAL_EXTENDED_YEAR, status), gregorian_->get(UCAL_MONTH, status) + 1,
            gregorian_->get(UCAL_DATE, status)};
  }
  // Day arithmetic within the Gregorian calendar is plain counting (see days_from_civil).
  static CivilDate add(const CivilDate& d, int days) { return civil_from_days(days_from_civil(d) + days); }
  static Weekday weekday(const CivilDate& d) {
    const long long z = days_from_civil(d);  // 1970-01-01 was a Thursday
    return static_cast<Weekday>(((z % 7) + 7 + 3) % 7);
  }
  // The year (in `type`'s own numbering) of the Gregorian date `d`. Memoised: ICU's Chinese calendar computes
  // new moons for every conversion, and the answers never change.
  int year_in(const std::string& type, const CivilDate& d) {
    const auto key = std::make_tuple(type, d.year, d.month * 100 + d.day);
    if (auto it = year_memo_.find(key); it != year_memo_.end()) return it->second;
    icu::Calendar& cal = get(type);
    UErrorCode status = U_ZERO_ERROR;
    cal.setTime(ms_of(d), status);
    const int y = cal.get(UCAL_EXTENDED_YEAR, status);
    year_memo_.emplace(key, y);
    return y;
  }
  // The Gregorian date of a date in calendar `type` (month 0-based as ICU counts; no leap month), or nullopt
  // when ICU rejects it or (Hebrew Adar I) the month does not exist that year. Memoised like year_in.
  std::optional<CivilDate> from(const std::string& type, int year, int month, int day) {
    const auto key = std::make_tuple(type, year, month * 100 + day);
    if (auto it = date_memo_.find(key); it != date_memo_.end()) return it->second;
    icu::Calendar& cal = get(type);
    UErrorCode status = U_ZERO_ERROR;
    cal.clear();
    cal.set(UCAL_EXTENDED_YEAR, year);
    cal.set(UCAL_MONTH, month);
    if (type == "chinese" || type == "dangi") cal.set(UCAL_IS_LEAP_MONTH, 0);
    cal.set(UCAL_DATE, day);
    cal.set(UCAL_HOUR_OF_DAY, 12);
    const double ms = cal.getTime(status);
    std::optional<CivilDate> out;
    // Adar I exists only in leap years: ICU would move it to Adar; such a rule has no date that year.
    const bool missing_month = type == "hebrew" && month == 5 && cal.get(UCAL_MONTH, status) != 5;
    if (U_SUCCESS(status) && !missing_month) out = civil_of(ms);
    date_memo_.emplace(key, out);
    return out;
  }

 private:
  static double ms_in(icu::Calendar& cal, int y, int m, int d) {
    UErrorCode status = U_ZERO_ERROR;
    cal.clear();
    cal.set(UCAL_EXTENDED_YEAR, y);
    cal.set(UCAL_MONTH, m - 1);
    cal.set(UCAL_DATE, d);
    cal.set(UCAL_HOUR_OF_DAY, 12);
    return cal.getTime(status);
  }
  std::unique_ptr<icu::GregorianCalendar> gregorian_, julian_;
  std::map<std::string, std::unique_ptr<icu::Calendar>> others_;
  std::map<std::tuple<std::string, int, int>, int> year_memo_;
  std::map<std::tuple<std::string, int, int>, std::optional<CivilDate>> date_memo_;
};

Calendars& calendars() {
  thread_local Calendars c;
  return c;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Easter. ICU4C has no public Easter API; the computus is arithmetic on the lunar cycle, not a calendar
// conversion. Orthodox Easter is computed in the Julian calendar and converted to Gregorian by ICU.
// ---------------------------------------------------------------------------------------------------------
CivilDate western_easter(int y) {
  // The anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8).
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {y, month, day};
}

CivilDate orthodox_easter(int y) {
  // The Julian computus (Meeus, ch. 8), then ICU's Julian calendar to Gregorian.
  const int a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
  const int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
  auto& cals = calendars();
  return cals.civil_of(cals.julian_ms_of({y, month, day}));
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Solar terms: the instant the sun reaches a longitude, then its date in the market's zone.
// ---------------------------------------------------------------------------------------------------------
constexpr double kPi = 3.14159265358979323846;
double rad(double deg) { return deg * kPi / 180.0; }

// Equinoxes and solstices (Meeus, ch. 27: mean instant plus periodic terms), accurate to about a minute.
double equinox_jde(int year, int which) {  // which: 0 March, 1 June, 2 September, 3 December
  const double y = (year - 2000) / 1000.0;
  static constexpr double kMean[4][5] = {
      {2451623.80984, 365242.37404, 0.05169, -0.00411, -0.00057},
      {2451716.56767, 365241.62603, 0.00325, 0.00888, -0.00030},
      {2451810.21715, 365242.01767, -0.11575, 0.00337, 0.00078},
      {2451900.05952, 365242.74049, -0.06223, -0.00823, 0.00032}};
  const auto& m = kMean[which];
  const double jde0 = m[0] + m[1] * y + m[2] * y * y + m[3] * y * y * y + m[4] * y * y * y * y;
  const double t = (jde0 - 2451545.0) / 36525.0;
  const double w = 35999.373 * t - 2.47;
  const double dl = 1 + 0.0334 * std::cos(rad(w)) + 0.0007 * std::cos(rad(2 * w));
  static constexpr double kTerms[24][3] = {
      {485, 324.96, 1934.136}, {203, 337.23, 32964.467}, {199, 342.08, 20.186}, {182, 27.85, 445267.112},
      {156, 73.14, 45036.886}, {136, 171.52, 22518.443}, {77, 222.54, 65928.934}, {74, 296.72, 3034.906},
      {70, 243.58, 9037.513},  {58, 119.81, 33718.147},  {52, 297.17, 150.678},  {50, 21.02, 2281.226},
      {45, 247.54, 29929.562}, {44, 325.15, 31555.956},  {29, 60.93, 4443.417},  {18, 155.12, 67555.328},
      {17, 288.79, 4562.452},  {16, 198.04, 62894.029},  {14, 199.76, 31436.921}, {12, 95.39, 14577.848},
      {12, 287.11, 31931.756}, {12, 320.81, 34777.259},  {9, 227.73, 1222.114},  {8, 15.45, 16859.074}};
  double s = 0;
  for (const auto& term : kTerms) s += term[0] * std::cos(rad(term[1] + term[2] * t));
  return jde0 + 0.00001 * s / dl;
}

// The sun's apparent longitude at a Julian Ephemeris Day (Meeus, ch. 25, low accuracy: about 0.01 degree).
double solar_longitude(double jde) {
  const double t = (jde - 2451545.0) / 36525.0;
  const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const double m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * std::sin(rad(m)) +
                   (0.019993 - 0.000101 * t) * std::sin(rad(2 * m)) + 0.000289 * std::sin(rad(3 * m));
  const double omega = 125.04 - 1934.136 * t;
  double lon = l0 + c - 0.00569 - 0.00478 * std::sin(rad(omega));
  lon = std::fmod(lon, 360.0);
  return lon < 0 ? lon + 360.0 : lon;
}

// The instant (JDE) in `year` when the sun's apparent longitude reaches `target` degrees.
double solar_term_jde(int year, double target) {
  if (target == 0) return equinox_jde(year, 0);
  if (target == 90) return equinox_jde(year, 1);
  if (target == 180) return equinox_jde(year, 2);
  if (target == 270) return equinox_jde(year, 3);
  // Start from the March equinox and step: the sun moves about 0.9856 degree a day.
  double jde = equinox_jde(year, 0) + target / 0.98565;
  for (int i = 0; i < 20; ++i) {
    double diff = target - solar_longitude(jde);
    if (diff > 180) diff -= 360;
    if (diff < -180) diff += 360;
    jde += diff / 0.98565;
    if (std::fabs(diff) < 1e-6) break;
  }
  return jde;
}

// ---------------------------------------------------------------------------------------------------------
// [SECTION] Evaluating one rule for a year
// ---------------------------------------------------------------------------------------------------------
// Dates in `year` at which `rule` falls (before its offset). Usually one; two when an Islamic date occurs twice
// in a Gregorian year; none when a table lacks the year (a warning says so).
std::vector<CivilDate> base_dates(const DateRule& rule, int year, const Profile& p, const std::string& id,
                                  std::vector<std::string>& warnings) {
  auto& cals = calendars();
  std::vector<CivilDate> out;
  const std::string& c = rule.calendar;
  if (c == "gregorian") {
    if (!rule.weekday) {
      if (rule.day <= days_in_month(year, rule.month)) out.push_back({year, rule.month, rule.day});
      return out;
    }
    const int target = static_cast<int>(*rule.weekday);
    auto shift_to = [&](CivilDate d, int dir) {  // to the nearest such weekday, forward (+1) or back (-1)
      while (static_cast<int>(cals.weekday(d)) != target) d = cals.add(d, dir);
      return d;
    };
    if (rule.nth > 0) {
      const CivilDate first = shift_to({year, rule.month, 1}, 1);
      const CivilDate d = cals.add(first, 7 * (rule.nth - 1));
      if (d.month == rule.month) out.push_back(d);
    } else if (rule.nth < 0) {
      const CivilDate last = shift_to({year, rule.month, days_in_month(year, rule.month)}, -1);
      const CivilDate d = cals.add(last, 7 * (rule.nth + 1));
      if (d.month == rule.month) out.push_back(d);
    } else if (rule.on_or_after) {
      out.push_back(shift_to({year, rule.month, std::min(rule.on_or_after, days_in_month(year, rule.month))}, 1));
    } else if (rule.on_or_before) {
      out.push_back(shift_to({year, rule.month, std::min(rule.on_or_before, days_in_month(year, rule.month))}, -1));
    }
    return out;
  }
  if (c == "easter") return {western_easter(year)};
  if (c == "orthodox_easter") return {orthodox_easter(year)};
  if (c == "table") {
    auto it = rule.table.find(year);
    if (it != rule.table.end()) return it->second;
    const int lo = rule.table.begin()->first, hi = rule.table.rbegin()->first;
    warnings.push_back(id + ": no date is listed for " + std::to_string(year) + " (the table covers " +
                       std::to_string(lo) + (lo == hi ? "" : "–" + std::to_string(hi)) + ")");
    return out;
  }
  if (c == "solar_term") {
    static const std::map<std::string, double, std::less<>> kTerms = {
        {"spring_equinox", 0}, {"qingming", 15}, {"summer_solstice", 90}, {"autumn_equinox", 180}, {"winter_solstice", 270}};
    const double jde = solar_term_jde(year, kTerms.at(rule.term));
    // Terrestrial to universal time: delta T is about 69 s in the 2020s (IERS); 70 s is within a minute to 2035.
    const double ms = (jde - 2440587.5) * 86400000.0 - 70000.0;
    if (auto local = to_local(ms, p.main_zone())) out.push_back(local->date);
    return out;
  }
  // Calendars ICU converts: find the (lunar or lunisolar) years that overlap this Gregorian year, take the date
  // in each, keep those that fall in the year.
  const int first = cals.year_in(c, {year, 1, 1});
  const int last = cals.year_in(c, {year, 12, 31});
  for (int y = first; y <= last; ++y) {
    const auto d = cals.from(c, y, c == "hebrew" ? rule.month : rule.month - 1, rule.day);
    if (d && d->year == year) out.push_back(*d);
  }
  return out;
}

bool in_force(const Holiday& h, const CivilDate& d) {
  return !(h.from && d < *h.from) && !(h.to && *h.to < d);
}

// Whether the rule holds on some day of `year`: outside its `from`/`to` a table has nothing to list, so a
// one-off (a date table limited to its year) warns about no other year.
bool in_force_in(const Holiday& h, int year) {
  return !(h.from && CivilDate{year, 12, 31} < *h.from) && !(h.to && *h.to < CivilDate{year, 1, 1});
}

bool region_matches(const Holiday& h, std::string_view region) {
  if (h.regions.empty() || region == "*") return true;
  if (region.empty()) return false;
  return std::find(h.regions.begin(), h.regions.end(), region) != h.regions.end();
}

}  // namespace

CivilDate add_days(const CivilDate& d, int days) { return calendars().add(d, days); }
Weekday weekday_of(const CivilDate& d) { return calendars().weekday(d); }

// ---------------------------------------------------------------------------------------------------------
// [SECTION] holidays_in_year
// ---------------------------------------------------------------------------------------------------------
namespace {
// Every rule's occurrences starting in `year`, before substitute days.
YearHolidays base_occurrences(const Profile& p, int year, std::string_view region) {
  auto& cals = calendars();
  YearHolidays out;
  for (const Holiday& h : p.holidays) {
    if (!region_matches(h, region)) continue;
    const auto official = h.official.find(year);
    std::vector<CivilDate> starts;
    if (official != h.official.end()) {
      starts = official->second;  // the official calendar's own dates for this year
    } else {
      std::vector<std::string> missing;
      const std::vector<CivilDate> found = base_dates(h.date, year, p, h.id, missing);
      if (in_force_in(h, year)) out.warnings.insert(out.warnings.end(), missing.begin(), missing.end());
      for (CivilDate d : found) {
        d = cals.add(d, h.date.offset);
        for (const auto& mv : h.moves) {
          if (cals.weekday(d) == mv.if_weekday) {
            d = cals.add(d, mv.shift);
            break;
          }
        }
        starts.push_back(d);
      }
    }
    for (const CivilDate& d : starts) {
      if (!in_force(h, d)) continue;
      HolidayOccurrence o;
      o.rule = &h;
      o.kind = h.kind;
      o.impact = h.kind == "half_day" ? "reduced" : h.impact;
      o.start = o.end = d;
      o.estimated = h.estimated;
      if (h.end) {
        // The end date is the first occurrence of the end rule on or after the start (it may fall next year).
        for (int y : {year, year + 1}) {
          std::vector<std::string> ignored;
          bool found = false;
          for (CivilDate e : base_dates(*h.end, y, p, h.id, ignored)) {
            e = cals.add(e, h.end->offset);
            if (!(e < d)) {
              o.end = e;
              found = true;
              break;
            }
          }
          if (found) break;
        }
      } else if (h.days > 1) {
        o.end = cals.add(d, h.days - 1);
      }
      if (!h.eve.empty()) {
        HolidayOccurrence eve = o;
        eve.kind = "eve";
        eve.impact = h.eve == "half_day" ? "reduced" : "normal";
        eve.start = eve.end = cals.add(d, -1);
        if (eve.start.year == year) out.days.push_back(eve);
      }
      out.days.push_back(o);
    }
  }
  return out;
}
}  // namespace

YearHolidays holidays_in_year(const Profile& p, int year, std::string_view region) {
  auto& cals = calendars();
  YearHolidays out = base_occurrences(p, year, region);
  const bool citizens_holiday = std::any_of(p.holidays.begin(), p.holidays.end(), [](const Holiday& h) {
    return h.observed == "jp_substitute";  // Japan's rule: a day between two national holidays is one too
  });
  // A holiday early in January can be observed on the last working day of December (US federal New Year's
  // Day on a Saturday): those are looked for in next year's first days.
  std::vector<HolidayOccurrence> next_year;
  for (const auto& o : base_occurrences(p, year + 1, region).days) {
    if (o.start.month == 1 && o.start.day <= 3 && o.kind == "public" && o.rule->observed != "none") next_year.push_back(o);
  }

  // [SECTION] Substitute days, in date order, once every holiday of the year is known.
  std::sort(out.days.begin(), out.days.end(), [](const HolidayOccurrence& a, const HolidayOccurrence& b) {
    return std::tie(a.start, a.rule->id, a.kind) < std::tie(b.start, b.rule->id, b.kind);
  });
  std::set<CivilDate> off;  // days off by law
  for (const auto& o : out.days) {
    if (o.kind != "public") continue;
    for (CivilDate d = o.start; !(o.end < d); d = cals.add(d, 1)) off.insert(d);
  }
  auto rest_day = [&](const CivilDate& d) { return !(p.working_days_on(d) & (1u << static_cast<unsigned>(cals.weekday(d)))); };
  auto next_free = [&](CivilDate d) {  // the next day that is neither a rest day nor already a holiday
    do d = cals.add(d, 1);
    while (rest_day(d) || off.count(d));
    return d;
  };
  std::vector<HolidayOccurrence> substitutes;
  std::set<CivilDate> compensated;  // Korea: days that already gave a substitute
  std::vector<HolidayOccurrence> candidates = out.days;
  candidates.insert(candidates.end(), next_year.begin(), next_year.end());
  for (const auto& o : candidates) {
    if (o.kind != "public" || o.rule->observed == "none") continue;
    const std::string& rule = o.rule->observed;
    for (CivilDate d = o.start; !(o.end < d); d = cals.add(d, 1)) {
      const Weekday wd = cals.weekday(d);
      std::optional<CivilDate> sub;
      if (rule == "sat_to_fri_sun_to_mon") {
        if (wd == Weekday::kSat) sub = cals.add(d, -1);
        if (wd == Weekday::kSun) sub = cals.add(d, 1);
      } else if (rule == "sun_to_mon") {
        if (wd == Weekday::kSun) sub = next_free(d);
      } else if (rule == "weekend_to_monday" || rule == "next_working_day") {
        if (rest_day(d)) sub = next_free(d);
      } else if (rule == "jp_substitute") {
        if (wd == Weekday::kSun) sub = next_free(d);
      } else if (rule == "kr_substitute") {
        // Seollal and Chuseok (three-day periods) move for a Sunday or an overlap; other days also for a Saturday.
        const bool overlap = std::count_if(out.days.begin(), out.days.end(), [&](const HolidayOccurrence& x) {
                               return x.kind == "public" && !(d < x.start) && !(x.end < d);
                             }) > 1;
        const bool weekend = o.end == o.start ? (wd == Weekday::kSat || wd == Weekday::kSun) : wd == Weekday::kSun;
        // One substitute per day, however many holidays share it.
        if ((weekend || overlap) && compensated.insert(d).second) sub = next_free(o.end);
      }
      if (sub && !off.count(*sub) && sub->year == year) {
        HolidayOccurrence s = o;
        s.observed = true;
        s.actual = d;
        s.start = s.end = *sub;
        off.insert(*sub);
        substitutes.push_back(s);
      }
    }
  }
  out.days.insert(out.days.end(), substitutes.begin(), substitutes.end());
  if (citizens_holiday) {
    // Act on National Holidays, art. 3(3): a day whose neighbours are both national holidays is a holiday.
    std::vector<HolidayOccurrence> between;
    for (const auto& o : out.days) {
      if (o.kind != "public") continue;
      const CivilDate mid = cals.add(o.end, 1), next = cals.add(o.end, 2);
      if (!off.count(mid) && off.count(next) && cals.weekday(mid) != Weekday::kSun && mid.year == year) {
        HolidayOccurrence s = o;
        s.observed = true;
        s.actual = mid;
        s.start = s.end = mid;
        off.insert(mid);
        between.push_back(s);
      }
    }
    out.days.insert(out.days.end(), between.begin(), between.end());
  }
  std::sort(out.days.begin(), out.days.end(), [](const HolidayOccurrence& a, const HolidayOccurrence& b) {
    return std::tie(a.start, a.rule->id, a.kind, a.observed) < std::tie(b.start, b.rule->id, b.kind, b.observed);
  });
  return out;
}

}  // namespace rapport
