# Every Emscripten flag of the project, in one place.
#
# Exceptions: the engine uses them only for bugs (house style), but nlohmann/json and doctest throw, so they are on,
# as WebAssembly exceptions (no JavaScript trampolines on every call).
set(RAPPORT_EM_COMPILE -fwasm-exceptions)
add_compile_options(${RAPPORT_EM_COMPILE})
add_link_options(-fwasm-exceptions -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sTOTAL_STACK=1048576)
set(CMAKE_EXECUTABLE_SUFFIX ".js")

# rapport_em_node_program(TARGET): a program run under node (unit tests): it reads the real file system.
function(rapport_em_node_program target)
  target_link_options(${target} PRIVATE -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sSINGLE_FILE=1)
endfunction()

# rapport_em_web_app(TARGET PRELOAD_DIR): the browser app: WebGL2 canvas, embind API, files packed into one
# .data file that the loader fetches (ICU data, fonts, i18n, culture profiles).
function(rapport_em_web_app target preload_dir)
  target_link_options(${target} PRIVATE
    -sENVIRONMENT=web -sMODULARIZE=1 -sEXPORT_NAME=createRapportModule
    -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sFULL_ES3=1
    -sEXPORTED_RUNTIME_METHODS=[FS] -lembind -lhtml5.js
    --preload-file ${preload_dir}@/rapport)
endfunction()

# Header-only libraries from Debian (nlohmann/json, doctest): the Emscripten toolchain does not search the host's
# packages, and adding /usr/include would pull in the host's C library headers, so only their own folders are
# linked into a private include directory.
set(RAPPORT_HOST_INCLUDE "${CMAKE_BINARY_DIR}/host-include")
file(MAKE_DIRECTORY "${RAPPORT_HOST_INCLUDE}")
foreach(dir nlohmann doctest)
  if(NOT EXISTS "${RAPPORT_HOST_INCLUDE}/${dir}")
    file(CREATE_LINK "/usr/include/${dir}" "${RAPPORT_HOST_INCLUDE}/${dir}" SYMBOLIC)
  endif()
endforeach()
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE "${RAPPORT_HOST_INCLUDE}")
add_library(doctest::doctest INTERFACE IMPORTED)
target_include_directories(doctest::doctest SYSTEM INTERFACE "${RAPPORT_HOST_INCLUDE}")
list(APPEND CMAKE_MODULE_PATH /usr/lib/cmake/doctest)
