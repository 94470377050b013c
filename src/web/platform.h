// The web face's platform seam: what the app needs from the place it runs. The browser implementation is in
// platform_web.cpp; tests use a null one (tests/engine/view_test.cpp).
#pragma once

#include <string>

namespace rapport::ui {

class Platform {
 public:
  virtual ~Platform() = default;
  /// Asks for a redraw soon. The app draws only when something changed (input, data, a timer): no idle loop.
  virtual void request_frame() = 0;
  /// The user's IANA time zone, e.g. "Europe/Berlin" ("UTC" when unknown).
  virtual std::string local_time_zone() const = 0;
};

}  // namespace rapport::ui
