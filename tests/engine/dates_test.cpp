#include <doctest/doctest.h>

#include "engine/dates.h"
#include "engine/version.h"

using namespace rapport;

namespace {
// 2025-07-15T12:00:00Z and 2026-09-21T09:00:00Z in ms.
constexpr EpochMs kJuly2025 = 1752580800000.0;
constexpr EpochMs kYomKippur2026 = 1789981200000.0;
}  // namespace

TEST_CASE("ICU uses the time zone data generated from Debian's tzdata") {
  CHECK(version_info().tzdata == RAPPORT_EXPECTED_TZDATA);
  CHECK(version_info().tzdata >= std::string("2025a"));
}

TEST_CASE("Cairo keeps daylight saving time again: a 2025 summer date is UTC+3") {
  // Egypt brought DST back in 2023; ICU 72's own 2022 data would say UTC+2.
  CHECK(utc_offset_minutes("Africa/Cairo", kJuly2025) == 180);
  CHECK(utc_offset_minutes("Africa/Cairo", 1736942400000.0 /* 2025-01-15 */) == 120);
}

TEST_CASE("other zones whose rules changed after 2022 are current") {
  // Mexico abolished DST in October 2022: Mexico City stays UTC-6 in summer.
  CHECK(utc_offset_minutes("America/Mexico_City", kJuly2025) == -360);
  CHECK(utc_offset_minutes("Asia/Jerusalem", kJuly2025) == 180);
  CHECK(utc_offset_minutes("Asia/Tokyo", kJuly2025) == 540);
  CHECK_FALSE(utc_offset_minutes("Mars/Olympus_Mons", kJuly2025).has_value());
}

TEST_CASE("dates format in the Gregorian and Hebrew calendars") {
  CHECK(format_date(kYomKippur2026, "en", "gregorian", DateStyle::kLong, "Asia/Jerusalem") == "September 21, 2026");
  // Yom Kippur is 10 Tishri.
  CHECK(format_date(kYomKippur2026, "en", "hebrew", DateStyle::kLong, "Asia/Jerusalem") == "10 Tishri 5787");
  const auto he = format_date(kYomKippur2026, "he-IL", "hebrew", DateStyle::kLong, "Asia/Jerusalem");
  REQUIRE(he.has_value());
  CHECK(he->find("תשרי") != std::string::npos);
  CHECK(he->find("תשפ״ז") != std::string::npos);  // 5787 in Hebrew numerals
}

TEST_CASE("the date depends on the time zone: the same instant is two days apart across the date line") {
  const EpochMs late_utc = 1789945200000.0;  // 2026-09-20T23:00:00Z
  CHECK(format_date(late_utc, "en", "gregorian", DateStyle::kShort, "Pacific/Kiritimati") == "9/21/26");
  CHECK(format_date(late_utc, "en", "gregorian", DateStyle::kShort, "Pacific/Pago_Pago") == "9/20/26");
}

TEST_CASE("format_date refuses unknown zones and calendars instead of guessing") {
  CHECK_FALSE(format_date(kJuly2025, "en", "gregorian", DateStyle::kLong, "Nowhere/City").has_value());
  CHECK_FALSE(format_date(kJuly2025, "en", "martian", DateStyle::kLong, "UTC").has_value());
}

TEST_CASE("version info names the engine, ICU and Unicode") {
  const auto v = version_info();
  CHECK(v.rapport.find('.') != std::string::npos);
  CHECK(v.icu.rfind("72.", 0) == 0);
  CHECK(v.unicode == "15.0");
}

TEST_CASE("day counting agrees with ICU's calendar on every day from 1900 to 2100") {
  long long days = days_from_civil({1900, 1, 1});
  for (int y = 1900; y <= 2100; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= days_in_month(y, m); ++d, ++days) {
        REQUIRE(days_from_civil({y, m, d}) == days);
        REQUIRE(civil_from_days(days) == CivilDate{y, m, d});
      }
    }
  }
  // And with ICU at a few points: 1970-01-01 is day 0; 2026-09-21 is day 20717.
  CHECK(days_from_civil({1970, 1, 1}) == 0);
  const auto local = to_local(1789981200000.0, "UTC");
  REQUIRE(local.has_value());
  CHECK(days_from_civil(local->date) == 20717);
}
