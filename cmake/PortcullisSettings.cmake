# SPDX-License-Identifier: Apache-2.0
# Project-wide compile settings live on one INTERFACE target that every
# Portcullis target links PRIVATE-ly, so nothing leaks to third-party code.
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE Debug CACHE STRING "Build type" FORCE)
endif()
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

add_library(pc_settings INTERFACE)
add_library(portcullis::settings ALIAS pc_settings)
target_compile_features(pc_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(pc_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
    -Wshadow -Wimplicit-fallthrough -Werror
    # GCC 12 at -O2/-O3 reports -Wrestrict on std::string concatenation inside
    # libstdc++ (GCC bug 105329, fixed in 13): a false positive, so off there.
    $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)
target_compile_definitions(pc_settings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER
    PORTCULLIS_VERSION="${PROJECT_VERSION}")

set(PORTCULLIS_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")
if(PORTCULLIS_SANITIZE)
    target_compile_options(pc_settings INTERFACE -fsanitize=${PORTCULLIS_SANITIZE} -fno-omit-frame-pointer
                                                 -fno-sanitize-recover=all)
    target_link_options(pc_settings INTERFACE -fsanitize=${PORTCULLIS_SANITIZE})
endif()
