# Warnings for our own targets (not for ImGui or ICU sources).
add_library(rapport_warnings INTERFACE)
target_compile_options(rapport_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
                       $<$<BOOL:${RAPPORT_WERROR}>:-Werror>)
option(RAPPORT_WERROR "Treat warnings as errors" ON)
