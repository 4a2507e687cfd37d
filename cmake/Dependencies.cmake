# Every dependency is a Debian 12 package found through pkg-config; the two
# that ship no .pc file (cmark-gfm's extensions and libcsv) are found beside
# their headers.
find_package(PkgConfig REQUIRED)
# reports are written side by side (or_report_write_all)
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)

pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)
pkg_check_modules(YAML REQUIRED IMPORTED_TARGET yaml-0.1)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(JANSSON REQUIRED IMPORTED_TARGET jansson)

find_library(CMARK_GFM_EXTENSIONS_LIBRARY NAMES cmark-gfm-extensions REQUIRED)
find_path(CMARK_GFM_EXTENSIONS_INCLUDE_DIR NAMES cmark-gfm-core-extensions.h REQUIRED)
add_library(opsready::cmark_gfm_extensions UNKNOWN IMPORTED)
set_target_properties(opsready::cmark_gfm_extensions PROPERTIES
  IMPORTED_LOCATION "${CMARK_GFM_EXTENSIONS_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${CMARK_GFM_EXTENSIONS_INCLUDE_DIR}")

find_library(CSV_LIBRARY NAMES csv REQUIRED)
find_path(CSV_INCLUDE_DIR NAMES csv.h REQUIRED)
add_library(opsready::csv UNKNOWN IMPORTED)
set_target_properties(opsready::csv PROPERTIES
  IMPORTED_LOCATION "${CSV_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${CSV_INCLUDE_DIR}")

if(BUILD_TESTING)
  pkg_check_modules(CHECK REQUIRED IMPORTED_TARGET check)
endif()
