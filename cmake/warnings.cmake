# Warnings for our own targets (not for ImGui or ICU sources).
add_library(rapport_warnings INTERFACE)
target_compile_options(rapport_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
                       $<$<BOOL:${RAPPORT_WERROR}>:-Werror>
                       # GCC 12 at -O3 reports -Wrestrict inside libstdc++'s own string code (GCC bug 105329).
                       $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
option(RAPPORT_WERROR "Treat warnings as errors" ON)
