# SPDX-License-Identifier: Apache-2.0
# pc_add_test(TestName LIBS <targets...> [SOURCES <extra...>] [LABELS <labels...>] [TIMEOUT <s>])
# One QtTest executable per unit, built from TestName.cpp in the current folder.
# Tests run offscreen and know where the source tree and the built tools are.
function(pc_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "LIBS;SOURCES;LABELS" ${ARGN})
    add_executable(${name} ${name}.cpp ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE pc_settings Qt6::Test ${ARG_LIBS})
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests/support")
    target_compile_definitions(${name} PRIVATE
        PC_SOURCE_DIR="${PROJECT_SOURCE_DIR}" PC_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${name} COMMAND ${name})
    set_property(GLOBAL APPEND PROPERTY PC_TEST_SLOT_PAIRS
        "$<TARGET_FILE:${name}>=${CMAKE_CURRENT_SOURCE_DIR}/${name}.cpp")
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PC_SOURCE_DIR=${PROJECT_SOURCE_DIR};PC_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()

# After every pc_add_test(): one test that every slot in each test source is one
# its executable runs (moc can silently lose slots; see check_test_slots.py).
function(pc_add_test_slot_check)
    get_property(pairs GLOBAL PROPERTY PC_TEST_SLOT_PAIRS)
    add_test(NAME TestSlotsSeenByMoc
             COMMAND /usr/bin/python3 "${PROJECT_SOURCE_DIR}/tests/support/check_test_slots.py" ${pairs})
    set_tests_properties(TestSlotsSeenByMoc PROPERTIES TIMEOUT 300)
endfunction()
