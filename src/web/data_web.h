// The browser side of "Your data": the page functions behind window.rapport.loadFiles and userData (web/README.md)
// and what web/files.js calls; the WebPlatform's storage of the user's files is defined in data_web.cpp too.
#pragma once

namespace rapport::ui {

class App;

/// Lets the page's functions reach the app; call once, when it exists. Before that they do nothing.
void attach_data_api(App& app);

}  // namespace rapport::ui
