// Temp-file objects own what they created: copying is rejected, moving is fine.
#include <boost/tempfile/basic_temp_file.hpp>
#include <utility>
namespace tf = boost::tempfile;
int main()
{
    tf::named_temporary_file a;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
    tf::named_temporary_file b(a);
#else
    tf::named_temporary_file b(std::move(a));
#endif
    return b.is_open() ? 0 : 1;
}
