# ICU: Debian's libicu-dev natively; the same version built from Debian's source package for WebAssembly
# (scripts/deps.sh). Both get their time zone rules from Debian's current tzdata (see src/engine/icu_data.h).
if(EMSCRIPTEN)
  foreach(lib uc i18n)
    add_library(ICU::${lib} STATIC IMPORTED)
  endforeach()
  set_target_properties(ICU::uc PROPERTIES IMPORTED_LOCATION "${RAPPORT_ICU_WASM}/lib/libicuuc.a"
    INTERFACE_INCLUDE_DIRECTORIES "${RAPPORT_ICU_SRC}/source/common"
    INTERFACE_LINK_LIBRARIES "${RAPPORT_ICU_WASM}/stubdata/libicudata.a")
  set_target_properties(ICU::i18n PROPERTIES IMPORTED_LOCATION "${RAPPORT_ICU_WASM}/lib/libicui18n.a"
    INTERFACE_INCLUDE_DIRECTORIES "${RAPPORT_ICU_SRC}/source/i18n" INTERFACE_LINK_LIBRARIES ICU::uc)
  set(RAPPORT_ICU_DATA "${RAPPORT_ICU_WASM_DATA}")
else()
  find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
  # Natively ICU's own data is complete; this small package carries only the current zone rules.
  set(RAPPORT_ICU_DATA "${RAPPORT_TZ_DIR}/icudt72l.dat")
endif()
if(NOT EXISTS "${RAPPORT_ICU_DATA}")
  message(FATAL_ERROR "${RAPPORT_ICU_DATA} is missing: run scripts/deps.sh")
endif()
