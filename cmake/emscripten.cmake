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
